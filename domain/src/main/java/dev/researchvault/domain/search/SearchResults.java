package dev.researchvault.domain.search;

import dev.researchvault.domain.Page;

/**
 * A page of hits and how far its total can be trusted. Counting every match of a broad query can cost more than
 * finding the page (a phrase is checked word position by word position in every item holding its words), so an
 * index may stop counting past {@link SearchIndex#RANKED} matches: then {@code total} is a lower bound.
 *
 * @param hits       the page; its {@code total} is exact when {@code totalExact}, else at least that many match
 * @param totalExact whether every match was counted
 * @param next       where the hits after this page start, or null when none follow
 */
public record SearchResults(Page<SearchHit> hits, boolean totalExact, SearchCursor next) {

    public SearchResults {
        if (!totalExact && hits.total() <= SearchIndex.RANKED) {
            throw new IllegalArgumentException("a total below the ranking limit is always counted exactly");
        }
    }
}
