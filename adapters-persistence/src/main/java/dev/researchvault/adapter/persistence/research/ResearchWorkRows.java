package dev.researchvault.adapter.persistence.research;

import dev.researchvault.adapter.persistence.research.Rows.LogRow;
import dev.researchvault.adapter.persistence.research.Rows.QueryRow;
import dev.researchvault.adapter.persistence.research.Rows.ReportRow;
import dev.researchvault.adapter.persistence.research.Rows.ResourceRow;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.List;
import java.util.Optional;

/** Repositories of what is recorded for a research: queries, resources, report and log lines. */
final class ResearchWorkRows {

    private ResearchWorkRows() {
    }

    @JdbcRepository(dialect = Dialect.ANSI)
    interface QueryRows extends GenericRepository<QueryRow, String> {

        QueryRow save(QueryRow row);

        @Query("SELECT * FROM research_query WHERE research_id = :researchId ORDER BY created_at, rowid")
        List<QueryRow> oldestFirst(String researchId);

        boolean existsByIdAndResearchId(String id, String researchId);
    }

    @JdbcRepository(dialect = Dialect.ANSI)
    interface ResourceRows extends GenericRepository<ResourceRow, String> {

        /** One batched INSERT for the whole list. */
        List<ResourceRow> saveAll(Iterable<ResourceRow> rows);

        @Query("SELECT * FROM research_resource WHERE research_id = :researchId ORDER BY created_at, rowid"
                + " LIMIT :limit OFFSET :offset")
        List<ResourceRow> oldestFirst(String researchId, int limit, long offset);

        long countByResearchId(String researchId);
    }

    @JdbcRepository(dialect = Dialect.ANSI)
    interface ReportRows extends GenericRepository<ReportRow, String> {

        /** Inserts version 1, or replaces the text and adds 1 to the version: one atomic statement. */
        @Query("INSERT INTO research_report (research_id, content, format, version, updated_at)"
                + " VALUES (:researchId, :content, :format, 1, :updatedAt)"
                + " ON CONFLICT (research_id) DO UPDATE SET content = excluded.content, format = excluded.format,"
                + " version = research_report.version + 1, updated_at = excluded.updated_at")
        void upsert(String researchId, String content, String format, String updatedAt);

        Optional<ReportRow> findById(String researchId);
    }

    @JdbcRepository(dialect = Dialect.ANSI)
    interface LogRows extends GenericRepository<LogRow, Long> {

        /**
         * Appends a line numbered one above the research's last. One statement, so its read of the last
         * number and its write cannot be split by another writer.
         */
        @Query("INSERT INTO research_log (research_id, seq, level, message, progress, created_at)"
                + " SELECT :researchId, COALESCE(MAX(seq), 0) + 1, :level, :message, :progress, :createdAt"
                + " FROM research_log WHERE research_id = :researchId")
        void append(String researchId, String level, String message, @Nullable Integer progress, String createdAt);

        /** The line this connection appended last: call in the transaction of {@link #append}. */
        @Query("SELECT * FROM research_log WHERE id = last_insert_rowid()")
        LogRow lastAppended();

        @Query("SELECT * FROM research_log WHERE research_id = :researchId AND seq > :afterSequence"
                + " ORDER BY seq LIMIT :limit")
        List<LogRow> after(String researchId, long afterSequence, int limit);
    }
}
