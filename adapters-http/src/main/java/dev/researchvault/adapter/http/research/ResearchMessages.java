package dev.researchvault.adapter.http.research;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.researchvault.adapter.http.usage.UsageJson;
import dev.researchvault.application.research.UpdateResearchCommand;
import dev.researchvault.domain.FieldChecks;
import dev.researchvault.domain.research.Research;
import dev.researchvault.domain.research.ResearchLog;
import dev.researchvault.domain.research.ResearchQuery;
import dev.researchvault.domain.research.ResearchReport;
import dev.researchvault.domain.research.ResearchResource;
import dev.researchvault.domain.research.ResearchStatus;
import dev.researchvault.domain.usage.TokenUsage;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.Map;

import static dev.researchvault.adapter.http.research.PathIds.time;

/**
 * Bodies of the research endpoints. Responses always carry every field, null or not, so clients see the
 * whole shape API.md describes.
 */
final class ResearchMessages {

    private ResearchMessages() {
    }

    @Serdeable
    /** @param chatId the chat the research is started from (optional) */
    record StartResearchRequest(@Nullable String query, @Nullable String mode, @Nullable String chatId) {
    }

    @Serdeable
    record UpdateResearchRequest(@Nullable String status, @Nullable Integer progress, @Nullable String title,
                                 @Nullable Map<String, Object> metadata, @Nullable UsageJson usage) {

        /** The changes; every refused part (status, usage, then the command's own) is named at once. */
        UpdateResearchCommand command() {
            FieldChecks fields = new FieldChecks();
            ResearchStatus parsedStatus = fields.check("status",
                    () -> status == null ? null : ResearchStatus.fromWire(status));
            TokenUsage tokens = fields.check("usage", () -> UsageJson.toUsage(usage));
            UpdateResearchCommand command = new UpdateResearchCommand(parsedStatus, progress, title, metadata, tokens);
            fields.checkAll("progress", command::requireValid);
            fields.requireNone();
            return command;
        }
    }

    @Serdeable
    record AddQueryRequest(@Nullable String query, @Nullable String engine) {
    }

    @Serdeable
    record AddResourceRequest(@Nullable String title, @Nullable String url, @Nullable String snippet,
                              @Nullable String sourceType, @Nullable String queryId) {
    }

    @Serdeable
    record PutReportRequest(@Nullable String content, @Nullable String format) {
    }

    @Serdeable
    record AppendLogRequest(@Nullable String level, @Nullable String message, @Nullable Integer progress) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record ResearchResponse(String id, String query, String mode, String status, String title, int progress,
                            String createdAt, String startedAt, String completedAt, Long durationSeconds,
                            Map<String, Object> metadata, UsageJson usage, String chatId) {

        static ResearchResponse of(Research r) {
            return new ResearchResponse(r.id().toString(), r.query(), r.mode(), r.status().wireName(), r.title(),
                    r.progress(), time(r.createdAt()), time(r.startedAt()), time(r.completedAt()), r.durationSeconds(),
                    r.metadata(), UsageJson.of(r.usage()), r.chatId() == null ? null : r.chatId().toString());
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record QueryResponse(String id, String researchId, String query, String engine, String createdAt) {

        static QueryResponse of(ResearchQuery q) {
            return new QueryResponse(q.id().toString(), q.researchId().toString(), q.query(), q.engine(),
                    time(q.createdAt()));
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record ResourceResponse(String id, String researchId, String queryId, String title, String url, String snippet,
                            String sourceType, String createdAt) {

        static ResourceResponse of(ResearchResource r) {
            return new ResourceResponse(r.id().toString(), r.researchId().toString(),
                    r.queryId() == null ? null : r.queryId().toString(), r.title(), r.url(), r.snippet(),
                    r.sourceType(), time(r.createdAt()));
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record ReportResponse(String researchId, String content, String format, int version, String updatedAt) {

        static ReportResponse of(ResearchReport r) {
            return new ReportResponse(r.researchId().toString(), r.content(), r.format(), r.version(),
                    time(r.updatedAt()));
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record LogResponse(long sequence, String level, String message, Integer progress, String createdAt) {

        static LogResponse of(ResearchLog l) {
            return new LogResponse(l.sequence(), l.level(), l.message(), l.progress(), time(l.createdAt()));
        }
    }
}
