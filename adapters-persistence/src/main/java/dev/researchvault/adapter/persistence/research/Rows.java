package dev.researchvault.adapter.persistence.research;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;

/**
 * The rows of the research tables (V2__research.sql); times as {@link SqlTimes} text. Column names are given
 * explicitly: otherwise Micronaut Data derives each one from the property name again for every row it reads
 * (16 % of a settings read in a JFR profile, docs/benchmarks.md).
 */
final class Rows {

    private Rows() {
    }

    @MappedEntity("research")
    record ResearchRow(@Id String id, String query, String mode, String status, @Nullable String title,
                       int progress,
                       @MappedProperty("created_at") String createdAt,
                       @Nullable @MappedProperty("started_at") String startedAt,
                       @Nullable @MappedProperty("completed_at") String completedAt,
                       String metadata) {
    }

    @MappedEntity("research_query")
    record QueryRow(@Id String id, @MappedProperty("research_id") String researchId, String query, String engine,
                    @MappedProperty("created_at") String createdAt) {
    }

    @MappedEntity("research_resource")
    record ResourceRow(@Id String id, @MappedProperty("research_id") String researchId,
                       @Nullable @MappedProperty("query_id") String queryId, @Nullable String title, String url,
                       @Nullable String snippet, @Nullable @MappedProperty("source_type") String sourceType,
                       @MappedProperty("created_at") String createdAt) {
    }

    @MappedEntity("research_report")
    record ReportRow(@Id @MappedProperty("research_id") String researchId, String content, String format, int version,
                     @MappedProperty("updated_at") String updatedAt) {
    }

    @MappedEntity("research_log")
    record LogRow(@Id @GeneratedValue @Nullable Long id, @MappedProperty("research_id") String researchId, long seq,
                  String level, String message, @Nullable Integer progress,
                  @MappedProperty("created_at") String createdAt) {
    }
}
