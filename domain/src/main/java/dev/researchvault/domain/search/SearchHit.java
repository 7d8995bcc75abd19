package dev.researchvault.domain.search;

import java.time.Instant;
import java.util.UUID;

/**
 * One item a search found.
 *
 * @param parentId the item it belongs to: a message's chat, an execution's agent; null for the others
 * @param snippet  the best-matching stretch of its text, the matched words marked (see {@link Snippet})
 * @param score    relevance, higher is better; comparable only within one search
 */
public record SearchHit(SearchKind kind, UUID id, UUID parentId, String title, Snippet snippet, double score,
                        Instant updatedAt) {
}
