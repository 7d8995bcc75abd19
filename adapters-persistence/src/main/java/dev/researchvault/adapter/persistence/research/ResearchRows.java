package dev.researchvault.adapter.persistence.research;

import dev.researchvault.adapter.persistence.sql.ListCursors;
import dev.researchvault.adapter.persistence.research.Rows.ResearchListRow;
import dev.researchvault.adapter.persistence.research.Rows.ResearchRow;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.List;
import java.util.Optional;

/**
 * The {@code research} table. Lists order by {@code rowid} after the time so rows of the same millisecond
 * keep a stable order; a page by number skips {@code :offset} rows, a page after a cursor ({@link ListCursors})
 * starts past {@code (:time, :position)}. Text filters take a LIKE pattern escaped with {@code !}
 * ({@link LikePatterns}).
 *
 * <p>After a cursor, each statement is the union of two index ranges merged in list order: the rest of the
 * cursor's millisecond ({@code created_at = :time AND rowid < :position}) and everything older
 * ({@code created_at < :time}). The single row value {@code (created_at, rowid) < (:time, :position)} gives
 * the same rows, but SQLite seeks it on {@code created_at} alone and then walks every row of that millisecond
 * newer than the cursor: 28 ms in the middle of 200,000 rows of one millisecond, against 0.1 ms for the two
 * ranges (ResearchListPlanSpec shows both seeks). Page numbers keep a single range: as arms of a union their
 * skipped rows would each be read from the table, which a plain {@code OFFSET} skips on the index (6 times
 * slower at offset 100,000 in a plain file, more when every page read is decrypted).
 */
@JdbcRepository(dialect = Dialect.ANSI)
interface ResearchRows extends GenericRepository<ResearchRow, String> {

    String MATCHES_TEXT = "(query LIKE :pattern ESCAPE '!' OR title LIKE :pattern ESCAPE '!')";
    String COLUMNS = "SELECT rowid AS position, id, query, mode, status, title, progress, created_at, started_at,"
            + " completed_at, metadata, prompt_tokens, completion_tokens, cost_micros FROM research";
    String NEWEST_FIRST = " ORDER BY created_at DESC, rowid DESC LIMIT :limit OFFSET :offset";
    String WITH_STATUS = "status = :status AND ";
    String MATCHING = MATCHES_TEXT + " AND ";
    /** The two ranges after a cursor, each preceded by the filter; see the class comment. */
    String SAME_TIME_OLDER = "created_at = :time AND rowid < :position UNION ALL " + COLUMNS + " WHERE ";
    String OLDER_TIME = "created_at < :time ORDER BY created_at DESC, position DESC LIMIT :limit";

    ResearchRow save(ResearchRow row);

    ResearchRow update(ResearchRow row);

    Optional<ResearchRow> findById(String id);

    int deleteById(String id);

    @Query(COLUMNS + NEWEST_FIRST)
    List<ResearchListRow> newestFirst(int limit, long offset);

    @Query(COLUMNS + " WHERE " + SAME_TIME_OLDER + OLDER_TIME)
    List<ResearchListRow> newestAfter(String time, long position, int limit);

    /** Kept by triggers (V5__row_counts.sql): counting the table walks all of its index. */
    @Query("SELECT row_count FROM row_count WHERE table_name = 'research'")
    long countAll();

    @Query(COLUMNS + " WHERE status = :status" + NEWEST_FIRST)
    List<ResearchListRow> newestFirstWithStatus(String status, int limit, long offset);

    @Query(COLUMNS + " WHERE " + WITH_STATUS + SAME_TIME_OLDER + WITH_STATUS + OLDER_TIME)
    List<ResearchListRow> newestAfterWithStatus(String status, String time, long position, int limit);

    @Query("SELECT COUNT(*) FROM research WHERE status = :status")
    long countWithStatus(String status);

    @Query(COLUMNS + " WHERE " + MATCHES_TEXT + NEWEST_FIRST)
    List<ResearchListRow> newestFirstMatching(String pattern, int limit, long offset);

    @Query(COLUMNS + " WHERE " + MATCHING + SAME_TIME_OLDER + MATCHING + OLDER_TIME)
    List<ResearchListRow> newestAfterMatching(String pattern, String time, long position, int limit);

    @Query("SELECT COUNT(*) FROM research WHERE " + MATCHES_TEXT)
    long countMatching(String pattern);

    @Query(COLUMNS + " WHERE " + WITH_STATUS + MATCHES_TEXT + NEWEST_FIRST)
    List<ResearchListRow> newestFirstWithStatusMatching(String status, String pattern, int limit, long offset);

    @Query(COLUMNS + " WHERE " + WITH_STATUS + MATCHING + SAME_TIME_OLDER + WITH_STATUS + MATCHING + OLDER_TIME)
    List<ResearchListRow> newestAfterWithStatusMatching(String status, String pattern, String time, long position,
                                                        int limit);

    @Query("SELECT COUNT(*) FROM research WHERE status = :status AND " + MATCHES_TEXT)
    long countWithStatusMatching(String status, String pattern);
}
