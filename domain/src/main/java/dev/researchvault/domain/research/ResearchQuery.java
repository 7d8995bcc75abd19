package dev.researchvault.domain.research;

import dev.researchvault.domain.FieldChecks;
import dev.researchvault.domain.Texts;
import java.time.Instant;
import java.util.UUID;

/** A search query run for a research, on some search {@code engine}. */
public record ResearchQuery(UUID id, UUID researchId, String query, String engine, Instant createdAt) {

    public static final int MAX_QUERY_LENGTH = 10_000;
    public static final int MAX_ENGINE_LENGTH = 100;

    public ResearchQuery {
        FieldChecks fields = new FieldChecks();
        fields.check("query", () -> Texts.required(query, MAX_QUERY_LENGTH, "research.invalid-query", "query"));
        fields.check("engine", () -> Texts.required(engine, MAX_ENGINE_LENGTH, "research.invalid-engine", "engine"));
        fields.requireNone();
    }
}
