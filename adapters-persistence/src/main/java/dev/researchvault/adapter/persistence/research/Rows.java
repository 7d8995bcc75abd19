package dev.researchvault.adapter.persistence.research;

import static dev.researchvault.adapter.persistence.sql.ResultColumns.nullableLong;

import dev.researchvault.adapter.persistence.sql.SqlTimes;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import io.micronaut.data.model.naming.NamingStrategies;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The rows of the research tables (V2__research.sql, usage columns V6, chat_id V8); times as {@link SqlTimes} text. Every row type of the
 * vault maps with the {@code Raw} naming strategy and names each multi-word column in {@code @MappedProperty}:
 * the default strategy derives the snake_case name from the property name again for every property of every
 * row read (a quarter of the samples of a page read in a JFR profile, docs/benchmarks.md). A new multi-word
 * property without {@code @MappedProperty} fails its repository spec with "no such column".
 */
final class Rows {

    private Rows() {
    }

    @MappedEntity(value = "research", namingStrategy = NamingStrategies.Raw.class)
    record ResearchRow(@Id String id, String query, String mode, String status, @Nullable String title,
                       int progress,
                       @MappedProperty("created_at") String createdAt,
                       @Nullable @MappedProperty("started_at") String startedAt,
                       @Nullable @MappedProperty("completed_at") String completedAt,
                       String metadata,
                       @Nullable @MappedProperty("prompt_tokens") Long promptTokens,
                       @Nullable @MappedProperty("completion_tokens") Long completionTokens,
                       @Nullable @MappedProperty("cost_micros") Long costMicros,
                       @Nullable @MappedProperty("chat_id") String chatId) {

        /**
         * The columns {@link #read} reads, in its order: the list and the read by id select exactly these
         * ({@link JdbcResearchRepository#LIST}, the list after its position), so a row is read by position. By name,
         * the driver built a map of the statement's column names for every result set and looked each column up in
         * it: 4 % of a research read's CPU in a JFR profile of {@code GET /api/v1/research/{id}} (docs/benchmarks.md,
         * "Research by id, side by side").
         */
        static final String COLUMNS = "id, query, mode, status, title, progress, created_at, started_at,"
                + " completed_at, metadata, prompt_tokens, completion_tokens, cost_micros, chat_id";

        /** A row of {@link #COLUMNS}, read by position: {@code first} is the position of {@code id} (1-based). */
        static ResearchRow read(ResultSet row, int first) throws SQLException {
            int at = first;
            return new ResearchRow(row.getString(at++), row.getString(at++), row.getString(at++),
                    row.getString(at++), row.getString(at++), row.getInt(at++), row.getString(at++),
                    row.getString(at++), row.getString(at++), row.getString(at++), nullableLong(row, at++),
                    nullableLong(row, at++), nullableLong(row, at++), row.getString(at));
        }
    }

    @MappedEntity(value = "research_query", namingStrategy = NamingStrategies.Raw.class)
    record QueryRow(@Id String id, @MappedProperty("research_id") String researchId, String query, String engine,
                    @MappedProperty("created_at") String createdAt) {
    }

    @MappedEntity(value = "research_resource", namingStrategy = NamingStrategies.Raw.class)
    record ResourceRow(@Id String id, @MappedProperty("research_id") String researchId,
                       @Nullable @MappedProperty("query_id") String queryId, @Nullable String title, String url,
                       @Nullable String snippet, @Nullable @MappedProperty("source_type") String sourceType,
                       @MappedProperty("created_at") String createdAt) {
    }

    @MappedEntity(value = "research_report", namingStrategy = NamingStrategies.Raw.class)
    record ReportRow(@Id @MappedProperty("research_id") String researchId, String content, String format, int version,
                     @MappedProperty("updated_at") String updatedAt) {
    }

    @MappedEntity(value = "research_log", namingStrategy = NamingStrategies.Raw.class)
    record LogRow(@Id @GeneratedValue @Nullable Long id, @MappedProperty("research_id") String researchId, long seq,
                  String level, String message, @Nullable Integer progress,
                  @MappedProperty("created_at") String createdAt) {
    }
}
