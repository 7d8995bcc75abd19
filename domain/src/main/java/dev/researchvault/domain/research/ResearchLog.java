package dev.researchvault.domain.research;

import dev.researchvault.domain.FieldChecks;
import dev.researchvault.domain.RuleViolationException;
import dev.researchvault.domain.Texts;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * One line of a research's append-only log. {@code sequence} numbers a research's lines 1, 2, 3… in the
 * order they were appended; clients poll with "after the last sequence I saw".
 *
 * @param progress the progress reported with the line (0–100), or null
 */
public record ResearchLog(UUID researchId, long sequence, String level, String message, Integer progress,
                          Instant createdAt) {

    public static final Set<String> LEVELS = Set.of("debug", "info", "warning", "error");
    public static final int MAX_MESSAGE_LENGTH = 10_000;

    public ResearchLog {
        // Set.of(...).contains(null) throws: a request without a level would answer 500 instead of 400.
        FieldChecks fields = new FieldChecks();
        fields.checkThat("level", () -> {
            if (level == null || !LEVELS.contains(level)) {
                throw new RuleViolationException("research.invalid-log-level", "level must be debug, info, warning or error");
            }
        });
        fields.check("message", () -> Texts.required(message, MAX_MESSAGE_LENGTH, "research.invalid-log-message", "message"));
        fields.checkThat("progress", () -> Research.checkProgress(progress));
        fields.requireNone();
    }

    /** A line to append: its sequence is given by the repository. */
    public static ResearchLog unnumbered(UUID researchId, String level, String message, Integer progress, Instant now) {
        return new ResearchLog(researchId, 0, level, message, progress, now);
    }

    public ResearchLog withSequence(long newSequence) {
        return new ResearchLog(researchId, newSequence, level, message, progress, createdAt);
    }
}
