package dev.researchvault.domain.search;

import dev.researchvault.domain.Page;
import dev.researchvault.domain.PageRequest;
import dev.researchvault.domain.vault.VaultBound;
import java.util.Set;

/**
 * The bound user's full-text index over research (query, title, report), chats (title), messages (content),
 * agents (name, description), executions (input, output), documents (title, extracted text) and drafts (title and
 * content of their latest version). It follows every write of those items by itself
 * (in the SQLite adapter, in the write's own transaction); this port only reads it.
 */
@VaultBound
public interface SearchIndex {

    /**
     * The items of {@code kinds} that contain every term of {@code query} (case- and diacritics-insensitive), best
     * first, by page number.
     */
    Page<SearchHit> search(SearchQuery query, Set<SearchKind> kinds, PageRequest page);
}
