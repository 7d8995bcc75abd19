package dev.researchvault.adapter.persistence.research;

import dev.researchvault.adapter.persistence.research.Rows.ResearchRow;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.List;
import java.util.Optional;

/**
 * The {@code research} table. Lists order by {@code rowid} after the time so rows of the same millisecond
 * keep a stable order. Text filters take a LIKE pattern escaped with {@code !} ({@link LikePatterns}).
 */
@JdbcRepository(dialect = Dialect.ANSI)
interface ResearchRows extends GenericRepository<ResearchRow, String> {

    String MATCHES_TEXT = "(query LIKE :pattern ESCAPE '!' OR title LIKE :pattern ESCAPE '!')";

    ResearchRow save(ResearchRow row);

    ResearchRow update(ResearchRow row);

    Optional<ResearchRow> findById(String id);

    int deleteById(String id);

    @Query("SELECT * FROM research ORDER BY created_at DESC, rowid DESC LIMIT :limit OFFSET :offset")
    List<ResearchRow> newestFirst(int limit, long offset);

    /** Kept by triggers (V5__row_counts.sql): counting the table walks all of its index. */
    @Query("SELECT row_count FROM row_count WHERE table_name = 'research'")
    long countAll();

    @Query("SELECT * FROM research WHERE status = :status ORDER BY created_at DESC, rowid DESC LIMIT :limit OFFSET :offset")
    List<ResearchRow> newestFirstWithStatus(String status, int limit, long offset);

    @Query("SELECT COUNT(*) FROM research WHERE status = :status")
    long countWithStatus(String status);

    @Query("SELECT * FROM research WHERE " + MATCHES_TEXT
            + " ORDER BY created_at DESC, rowid DESC LIMIT :limit OFFSET :offset")
    List<ResearchRow> newestFirstMatching(String pattern, int limit, long offset);

    @Query("SELECT COUNT(*) FROM research WHERE " + MATCHES_TEXT)
    long countMatching(String pattern);

    @Query("SELECT * FROM research WHERE status = :status AND " + MATCHES_TEXT
            + " ORDER BY created_at DESC, rowid DESC LIMIT :limit OFFSET :offset")
    List<ResearchRow> newestFirstWithStatusMatching(String status, String pattern, int limit, long offset);

    @Query("SELECT COUNT(*) FROM research WHERE status = :status AND " + MATCHES_TEXT)
    long countWithStatusMatching(String status, String pattern);
}
