package dev.researchvault.application.research;

import dev.researchvault.domain.FieldChecks;
import dev.researchvault.domain.RuleViolationException;
import dev.researchvault.domain.research.Research;
import dev.researchvault.domain.research.ResearchStatus;
import dev.researchvault.domain.usage.TokenUsage;
import java.util.Map;

/** Changes to a research; a null field leaves that part unchanged. */
public record UpdateResearchCommand(ResearchStatus status, Integer progress, String title,
                                    Map<String, Object> metadata, TokenUsage usage) {

    /** Changes that report no token usage. */
    public UpdateResearchCommand(ResearchStatus status, Integer progress, String title, Map<String, Object> metadata) {
        this(status, progress, title, metadata, null);
    }

    /**
     * Checks the parts whose rules need no research (progress, title, metadata), before any is read.
     *
     * @throws RuleViolationException naming every refused part, with the first refusal's code
     */
    public void requireValid() {
        FieldChecks fields = new FieldChecks();
        fields.checkThat("progress", () -> Research.checkProgress(progress));
        fields.checkThat("title", () -> Research.checkTitle(title));
        fields.checkThat("metadata", () -> Research.checkMetadata(metadata));
        fields.requireNone();
    }
}
