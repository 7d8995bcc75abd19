package dev.researchvault.application.search;

import dev.researchvault.application.account.Session;
import dev.researchvault.domain.PageRequest;
import dev.researchvault.domain.search.SearchResults;

/** Full-text search over the caller's vault ({@code GET /api/v1/search}). */
public interface SearchUseCase {

    /**
     * The caller's items that match {@code q}, best first (newest first beyond
     * {@link dev.researchvault.domain.search.SearchIndex#RANKED} matches).
     *
     * @param kinds comma-separated kinds ({@link dev.researchvault.domain.search.SearchKind}); all when null
     * @param after the {@code next} token of an earlier answer, or null for page {@code page}
     * @throws dev.researchvault.domain.RuleViolationException {@code search.invalid-query}, {@code search.invalid-kind},
     *         {@code page.invalid-cursor}
     */
    SearchResults search(Session caller, String q, String kinds, PageRequest page, String after);
}
