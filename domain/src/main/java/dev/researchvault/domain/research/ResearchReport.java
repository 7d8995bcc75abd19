package dev.researchvault.domain.research;

import dev.researchvault.domain.FieldChecks;
import dev.researchvault.domain.RuleViolationException;
import java.time.Instant;
import java.util.UUID;

/**
 * The report of a research. Only the latest text is kept; {@code version} counts the puts (1 for the first).
 */
public record ResearchReport(UUID researchId, String content, String format, int version, Instant updatedAt) {

    public static final String MARKDOWN = "markdown";
    public static final int MAX_CONTENT_LENGTH = 5_000_000;

    public ResearchReport {
        FieldChecks fields = new FieldChecks();
        fields.checkThat("content", () -> {
            if (content == null || content.length() > MAX_CONTENT_LENGTH) {
                throw new RuleViolationException("research.invalid-report",
                        "content is required and must be at most " + MAX_CONTENT_LENGTH + " characters");
            }
        });
        fields.checkThat("format", () -> {
            if (!MARKDOWN.equals(format)) {
                throw new RuleViolationException("research.invalid-report-format", "format must be markdown");
            }
        });
        fields.requireNone();
    }

    /** A report to put; its version is given by the repository. 400 for bad content or format. */
    public static ResearchReport draft(UUID researchId, String content, String format, Instant now) {
        return new ResearchReport(researchId, content, format, 0, now);
    }

    public ResearchReport withVersion(int newVersion) {
        return new ResearchReport(researchId, content, format, newVersion, updatedAt);
    }
}
