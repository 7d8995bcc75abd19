package dev.researchvault.adapter.persistence.research;

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
 * keep a stable order, and start past a {@link KeysetStart} ({@code :time}, {@code :position}) before
 * skipping {@code :offset}: a cursor is the start with offset 0, a page number the top with its offset. Text
 * filters take a LIKE pattern escaped with {@code !} ({@link LikePatterns}).
 */
@JdbcRepository(dialect = Dialect.ANSI)
interface ResearchRows extends GenericRepository<ResearchRow, String> {

    String MATCHES_TEXT = "(query LIKE :pattern ESCAPE '!' OR title LIKE :pattern ESCAPE '!')";
    String LIST = "SELECT rowid AS position, id, query, mode, status, title, progress, created_at, started_at,"
            + " completed_at, metadata FROM research WHERE (created_at, rowid) < (:time, :position)";
    String NEWEST_FIRST = " ORDER BY created_at DESC, rowid DESC LIMIT :limit OFFSET :offset";

    ResearchRow save(ResearchRow row);

    ResearchRow update(ResearchRow row);

    Optional<ResearchRow> findById(String id);

    int deleteById(String id);

    @Query(LIST + NEWEST_FIRST)
    List<ResearchListRow> newestFirst(String time, long position, int limit, long offset);

    /** Kept by triggers (V5__row_counts.sql): counting the table walks all of its index. */
    @Query("SELECT row_count FROM row_count WHERE table_name = 'research'")
    long countAll();

    @Query(LIST + " AND status = :status" + NEWEST_FIRST)
    List<ResearchListRow> newestFirstWithStatus(String status, String time, long position, int limit, long offset);

    @Query("SELECT COUNT(*) FROM research WHERE status = :status")
    long countWithStatus(String status);

    @Query(LIST + " AND " + MATCHES_TEXT + NEWEST_FIRST)
    List<ResearchListRow> newestFirstMatching(String pattern, String time, long position, int limit, long offset);

    @Query("SELECT COUNT(*) FROM research WHERE " + MATCHES_TEXT)
    long countMatching(String pattern);

    @Query(LIST + " AND status = :status AND " + MATCHES_TEXT + NEWEST_FIRST)
    List<ResearchListRow> newestFirstWithStatusMatching(String status, String pattern, String time, long position,
                                                        int limit, long offset);

    @Query("SELECT COUNT(*) FROM research WHERE status = :status AND " + MATCHES_TEXT)
    long countWithStatusMatching(String status, String pattern);
}
