package dev.researchvault.application.search;

import dev.researchvault.application.account.Session;
import dev.researchvault.application.vault.VaultWork;
import dev.researchvault.domain.PageRequest;
import dev.researchvault.domain.search.SearchCursor;
import dev.researchvault.domain.search.SearchIndex;
import dev.researchvault.domain.search.SearchKind;
import dev.researchvault.domain.search.SearchQuery;
import dev.researchvault.domain.search.SearchResults;
import java.util.Set;

/**
 * {@link SearchUseCase} over the caller's {@link SearchIndex}. The query, kinds and cursor are read before the vault
 * is bound, so a bad one costs no vault work.
 */
public record SearchService(VaultWork vault, SearchIndex index) implements SearchUseCase {

    @Override
    public SearchResults search(Session caller, String q, String kinds, PageRequest page, String after) {
        SearchQuery query = SearchQuery.parse(q);
        Set<SearchKind> wanted = SearchKind.parseAll(kinds);
        SearchCursor cursor = after == null ? null : SearchCursor.parse(after);
        return vault.inVault(caller, () -> index.search(query, wanted, page, cursor));
    }
}
