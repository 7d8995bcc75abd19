package dev.researchvault.adapter.persistence.research;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** The rows of the research tables (V2__research.sql); times as {@link SqlTimes} text. */
final class Rows {

    private Rows() {
    }

    @MappedEntity("research")
    record ResearchRow(@Id String id, String query, String mode, String status, @Nullable String title,
                       int progress, String createdAt, @Nullable String startedAt, @Nullable String completedAt,
                       String metadata) {
    }

    @MappedEntity("research_query")
    record QueryRow(@Id String id, String researchId, String query, String engine, String createdAt) {
    }

    @MappedEntity("research_resource")
    record ResourceRow(@Id String id, String researchId, @Nullable String queryId, @Nullable String title,
                       String url, @Nullable String snippet, @Nullable String sourceType, String createdAt) {
    }

    @MappedEntity("research_report")
    record ReportRow(@Id String researchId, String content, String format, int version, String updatedAt) {
    }

    @MappedEntity("research_log")
    record LogRow(@Id @GeneratedValue @Nullable Long id, String researchId, long seq, String level, String message,
                  @Nullable Integer progress, String createdAt) {
    }
}
