package dev.researchvault.domain.research;

import dev.researchvault.domain.FieldChecks;
import dev.researchvault.domain.Texts;
import java.time.Instant;
import java.util.UUID;

/**
 * A search result kept for a research.
 *
 * @param queryId the query that found it, or null
 */
public record ResearchResource(UUID id, UUID researchId, UUID queryId, String title, String url, String snippet,
                               String sourceType, Instant createdAt) {

    public static final int MAX_TITLE_LENGTH = 1_000;
    public static final int MAX_URL_LENGTH = 4_096;
    public static final int MAX_SNIPPET_LENGTH = 20_000;
    public static final int MAX_SOURCE_TYPE_LENGTH = 100;

    public ResearchResource {
        FieldChecks fields = new FieldChecks();
        fields.check("url", () -> Texts.required(url, MAX_URL_LENGTH, "research.invalid-resource", "url"));
        fields.check("title", () -> Texts.bounded(title, MAX_TITLE_LENGTH, "research.invalid-resource", "title"));
        fields.check("snippet", () -> Texts.bounded(snippet, MAX_SNIPPET_LENGTH, "research.invalid-resource", "snippet"));
        fields.check("sourceType",
                () -> Texts.bounded(sourceType, MAX_SOURCE_TYPE_LENGTH, "research.invalid-resource", "sourceType"));
        fields.requireNone();
    }
}
