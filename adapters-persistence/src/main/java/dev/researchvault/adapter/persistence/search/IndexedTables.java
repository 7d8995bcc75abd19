package dev.researchvault.adapter.persistence.search;

import dev.researchvault.domain.search.SearchKind;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The table each kind of item is indexed from. Each row keeps the id of its index entry in {@code search_id}
 * (V10__search_write_cost.sql), so the entries of some kinds are read from their tables: search_entry has no index
 * on its kind, because one more index there cost every write one more encrypted page.
 */
final class IndexedTables {

    private static final Map<SearchKind, String> TABLES = new EnumMap<>(Map.of(
            SearchKind.RESEARCH, "research", SearchKind.CHAT, "chat", SearchKind.MESSAGE, "chat_message",
            SearchKind.AGENT, "agent", SearchKind.EXECUTION, "agent_execution", SearchKind.DOCUMENT, "document",
            SearchKind.DRAFT, "draft"));

    private IndexedTables() {
    }

    /** A subquery of one column, {@code search_id}: the entry ids of every item of these kinds. */
    static String entryIds(Collection<SearchKind> kinds) {
        return kinds.stream().map(kind -> "SELECT search_id FROM " + TABLES.get(kind))
                .collect(Collectors.joining(" UNION ALL ", "(", ")"));
    }
}
