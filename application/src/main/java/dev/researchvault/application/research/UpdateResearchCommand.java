package dev.researchvault.application.research;

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
}
