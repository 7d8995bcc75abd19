package dev.researchvault.adapter.persistence.search;

import dev.researchvault.adapter.persistence.sql.SqlTimes;
import dev.researchvault.adapter.persistence.sql.StoredIds;
import dev.researchvault.adapter.persistence.sql.VaultStatements;
import dev.researchvault.adapter.persistence.vault.CurrentVault;
import dev.researchvault.adapter.persistence.vault.StorageFailures;
import dev.researchvault.adapter.persistence.vault.VaultFile;
import dev.researchvault.domain.Page;
import dev.researchvault.domain.PageRequest;
import dev.researchvault.domain.search.SearchHit;
import dev.researchvault.domain.search.SearchIndex;
import dev.researchvault.domain.search.SearchCursor;
import dev.researchvault.domain.search.SearchKind;
import dev.researchvault.domain.search.SearchQuery;
import dev.researchvault.domain.search.SearchResults;
import dev.researchvault.domain.search.Snippet;
import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.data.exceptions.DataAccessException;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link SearchIndex} over the FTS5 index of the bound user's {@code vault.db} (V9__search.sql, its triggers
 * rewritten by V10__search_write_cost.sql, the index brought up to date from its queue first since
 * V12__search_backlog.sql): one statement for
 * the page, best first by bm25 (titles weigh 3, bodies 1; ties by index order), and one for the total (or for as
 * much of it as is cheap to count). A message's
 * title is its chat's, read here. Plain JDBC: the statements are over a virtual table no entity repository holds;
 * the connection comes from Micronaut's connection operations, so a surrounding transaction is joined.
 */
@Singleton
final class SqliteSearchIndex implements SearchIndex {

    private static final Logger LOG = LoggerFactory.getLogger(SqliteSearchIndex.class);

    /** Private-use characters around the matched words of a snippet; split into {@link Snippet} parts here. */
    static final char MATCH_START = '\uE000';
    static final char MATCH_END = '\uE001';
    /**
     * Every match counted on the index alone: no lookup of each match's entry, and for words without positions only
     * their lists of items (measured: 3 ms for a word in 62,000 of 100,000 items). A kind filter (an entry lookup
     * per match) or a term of several words (a position check per match: 52 ms for a phrase of two common words in
     * 16,000 items) is counted only up to just past RANKED instead (docs/search.md, "Broad queries").
     */
    private static final String COUNT_ALL = "SELECT count(*) FROM search_text WHERE search_text MATCH ?";
    /**
     * The join orders, forced with CROSS JOIN: SQLite cannot tell how many items a MATCH selects, and left alone
     * it walked every entry of a kind with a MATCH per entry (325 ms for a word among 100,000 messages). A MATCH per
     * entry costs about 100 µs (it reads the term's lists again each time), an entry lookup per match about 1 µs:
     * matches first, unless the wanted kinds have at most FEW_ENTRIES items (docs/search.md, "Broad queries"), whose
     * entries are then read through their tables' search_id ({@link IndexedTables}).
     */
    private static final String MATCHES_FIRST = " FROM search_text CROSS JOIN search_entry e"
            + " ON e.id = search_text.rowid WHERE search_text MATCH ?";
    private static final int FEW_ENTRIES = 50;
    private static final String ENTRIES_FIRST = " CROSS JOIN search_entry e ON e.id = k.search_id"
            + " CROSS JOIN search_text ON search_text.rowid = e.id WHERE search_text MATCH ?";
    /**
     * A message's title is its chat's, and a chat's updated_at the chat's own (its entry's is never moved: that cost
     * every message one more page), both read here for the page's hits only.
     */
    private static final String COLUMNS = "SELECT e.kind, e.item_id, e.parent_id,"
            + " CASE e.kind WHEN 'chat' THEN (SELECT c.updated_at FROM chat c WHERE c.id = e.item_id)"
            + " ELSE e.updated_at END AS updated_at,"
            + " CASE e.kind WHEN 'message' THEN (SELECT c.title FROM chat c WHERE c.id = e.parent_id)"
            + " ELSE search_text.title END AS title,"
            + " snippet(search_text, -1, char(57344), char(57345), '…', 16) AS snippet, search_text.rowid AS sequence, ";
    /**
     * bm25 needs how many items hold each term, counted over the whole index on its first call: for a phrase of
     * common words that is the 39 ms the count was spared. A newest-first answer orders by nothing it computes,
     * so it skips it and scores 0.
     */
    private static final String RANKED_PAGE = COLUMNS + "bm25(search_text, 3.0, 1.0) AS rank";
    private static final String NEWEST_PAGE = COLUMNS + "0 AS rank";

    private final ConnectionOperations<Connection> connections;
    private final VaultStatements sql;

    SqliteSearchIndex(@Named("default") ConnectionOperations<Connection> connections) {
        this.connections = connections;
        this.sql = new VaultStatements(connections, "search");
    }

    @Override
    public SearchResults search(SearchQuery query, Set<SearchKind> kinds, PageRequest page, SearchCursor after) {
        String match = FtsExpression.of(query);
        catchUp();
        List<String> kindNames = kinds.containsAll(EnumSet.allOf(SearchKind.class)) ? List.of()
                : kinds.stream().map(SearchKind::wireName).toList();
        String from = kindNames.isEmpty() ? MATCHES_FIRST : (fewEntries(kinds)
                ? " FROM " + IndexedTables.entryIds(kinds) + " k" + ENTRIES_FIRST : MATCHES_FIRST)
                + " AND e.kind IN (" + VaultStatements.placeholders(kindNames.size()) + ")";
        boolean countAll = kindNames.isEmpty() && query.terms().stream().noneMatch(SearchQuery.Term::severalWords);
        long total = sql.count(countAll ? COUNT_ALL : "SELECT count(*) FROM (SELECT 1" + from + " LIMIT "
                + (RANKED + 1) + ")", statement -> bind(statement, match, kindNames));
        // Ranking visits every match; beyond RANKED matches the page is the newest indexed instead, which FTS5
        // reads in rowid order and stops after the page (docs/search.md, "Broad queries"). A cursor keeps the
        // order of the answer it came from.
        boolean newest = after == null ? total > RANKED : after.newest();
        boolean pastRowid = newest && after != null;
        long offset = after == null ? page.offset() : newest ? 0 : after.position();
        String select = newest ? NEWEST_PAGE + from + (pastRowid ? " AND search_text.rowid < ?" : "")
                + " ORDER BY search_text.rowid DESC" : RANKED_PAGE + from + " ORDER BY rank, search_text.rowid";
        // One row past the page only tells that more follow.
        List<Row> rows = sql.query(select + " LIMIT ? OFFSET ?", statement -> {
            int next = bind(statement, match, kindNames);
            if (pastRowid) {
                statement.setLong(next++, after.position());
            }
            statement.setInt(next, page.size() + 1);
            statement.setLong(next + 1, offset);
        }, SqliteSearchIndex::row);
        List<Row> kept = rows.subList(0, Math.min(rows.size(), page.size()));
        SearchCursor next = rows.size() <= page.size() ? null : newest
                ? new SearchCursor(true, kept.get(kept.size() - 1).sequence())
                : new SearchCursor(false, offset + page.size());
        return new SearchResults(Page.of(kept.stream().map(Row::hit).toList(), page, total),
                countAll || total <= RANKED, next);
    }

    /**
     * Applies what writes queued for the index ({@link SearchBacklog}) before the search reads it, so the answer
     * holds every write committed before the search began. A batch at a time under the file's writer turn, like any
     * write (a busy vault answers 503 {@code vault.busy}), writers going in between the batches. A disk that refuses
     * the write (full, read-only) leaves the index as it is and the search goes on over it: reads go on when writes
     * cannot, and what is queued is applied once writes can again.
     */
    private void catchUp() {
        long upTo = sql.count(SearchBacklog.LAST_QUEUED, statement -> { });
        if (upTo == 0) {
            return;
        }
        if (CurrentVault.writing()) {
            // Searched inside this thread's own write transaction: applied in it, on its connection.
            connections.executeWrite(status -> {
                try {
                    return SearchBacklog.applyQueued(status.getConnection());
                } catch (SQLException failure) {
                    throw backlogFailed(failure);
                }
            });
            return;
        }
        try {
            SearchBacklog.applyQueuedNow(upTo, () -> CurrentVault.writeConnection(VaultFile.VAULT));
        } catch (SQLException failure) {
            if (StorageFailures.refusedWrite(failure).isPresent()) {
                LOG.warn("event=search.backlog-refused errorCode={}", failure.getErrorCode());
                return;
            }
            throw backlogFailed(failure);
        }
    }

    private static RuntimeException backlogFailed(SQLException failure) {
        return StorageFailures.of(failure).<RuntimeException>map(unavailable -> unavailable).orElseGet(() ->
                new DataAccessException("search backlog failed (SQLite error " + failure.getErrorCode() + ")", failure));
    }

    /** Whether the kinds have at most FEW_ENTRIES items in all (counted no further): then they are read first. */
    private boolean fewEntries(Set<SearchKind> kinds) {
        return sql.count("SELECT count(*) FROM (SELECT 1 FROM " + IndexedTables.entryIds(kinds) + " LIMIT "
                + (FEW_ENTRIES + 1) + ")", statement -> { }) <= FEW_ENTRIES;
    }

    /** Binds the match and the kinds; answers the index of the next parameter. */
    private static int bind(PreparedStatement statement, String match, List<String> kinds) throws SQLException {
        statement.setString(1, match);
        for (int i = 0; i < kinds.size(); i++) {
            statement.setString(i + 2, kinds.get(i));
        }
        return kinds.size() + 2;
    }

    /** A hit and its place in the index (the FTS rowid), which a newest-first cursor continues after. */
    private record Row(SearchHit hit, long sequence) {
    }

    private static Row row(ResultSet row) throws SQLException {
        return new Row(hit(row), row.getLong("sequence"));
    }

    private static SearchHit hit(ResultSet row) throws SQLException {
        return new SearchHit(SearchKind.valueOf(row.getString("kind").toUpperCase(Locale.ROOT)),
                UUID.fromString(row.getString("item_id")), StoredIds.id(row.getString("parent_id")),
                row.getString("title"), snippet(row.getString("snippet")), 0.0 - row.getDouble("rank"),
                SqlTimes.parse(row.getString("updated_at")));
    }

    /** Splits the marked snippet into plain and matched parts (odd indexes matched). */
    static Snippet snippet(String marked) {
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        for (char c : (marked == null ? "" : marked).toCharArray()) {
            if (c == MATCH_START || c == MATCH_END) {
                if ((c == MATCH_START) == (parts.size() % 2 == 0)) {
                    parts.add(part.toString());
                    part.setLength(0);
                }
            } else {
                part.append(c);
            }
        }
        parts.add(part.toString());
        return new Snippet(parts);
    }
}
