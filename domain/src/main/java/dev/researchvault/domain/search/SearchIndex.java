package dev.researchvault.domain.search;

import dev.researchvault.domain.PageRequest;
import dev.researchvault.domain.vault.VaultBound;
import java.util.Set;

/**
 * The bound user's full-text index over research (query, title, report), chats (title), messages (content),
 * agents (name, description), executions (input, output), documents (title, extracted text) and drafts (title and
 * content of their latest version). It follows every write of those items by itself: a search sees every write
 * committed before it began (the SQLite adapter queues each write's items in the write's own transaction and applies
 * the queue before a search reads the index); this port only reads it.
 */
@VaultBound
public interface SearchIndex {

    /**
     * Matches ranked best first at most: a query matching more lists its newest matches first (ranking every match
     * of a broad query costs a second at a million items), and its total may be a lower bound.
     */
    long RANKED = 2_000;

    /**
     * The items of {@code kinds} that contain every term of {@code query} (case- and diacritics-insensitive), best
     * first, or newest first when more than {@link #RANKED} match (then unranked: every score 0). The total is exact
     * up to {@link #RANKED}; beyond it an index may stop counting ({@link SearchResults#totalExact()} false).
     *
     * @param page  its number, or 0 with {@code after}; its size
     * @param after the {@code next} of an earlier answer to the same query, or null for page {@code page}
     */
    SearchResults search(SearchQuery query, Set<SearchKind> kinds, PageRequest page, SearchCursor after);

    /** Page {@code page} of the items of {@code kinds} that contain every term of {@code query}. */
    default SearchResults search(SearchQuery query, Set<SearchKind> kinds, PageRequest page) {
        return search(query, kinds, page, null);
    }
}
