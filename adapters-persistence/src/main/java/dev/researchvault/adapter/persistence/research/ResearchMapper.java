package dev.researchvault.adapter.persistence.research;

import dev.researchvault.adapter.persistence.sql.SqlTimes;
import dev.researchvault.adapter.persistence.research.Rows.LogRow;
import dev.researchvault.adapter.persistence.research.Rows.QueryRow;
import dev.researchvault.adapter.persistence.research.Rows.ReportRow;
import dev.researchvault.adapter.persistence.research.Rows.ResearchRow;
import dev.researchvault.adapter.persistence.research.Rows.ResourceRow;
import dev.researchvault.domain.research.Research;
import dev.researchvault.domain.research.ResearchLog;
import dev.researchvault.domain.research.ResearchQuery;
import dev.researchvault.domain.research.ResearchReport;
import dev.researchvault.domain.research.ResearchResource;
import dev.researchvault.domain.research.ResearchStatus;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.UUID;

/** Converts between research rows and the domain. Metadata is a JSON object in a TEXT column. */
@Singleton
final class ResearchMapper {

    private static final Argument<Map<String, Object>> METADATA = Argument.mapOf(String.class, Object.class);
    private static final String EMPTY_OBJECT = "{}";

    private final JsonMapper json;

    ResearchMapper(JsonMapper json) {
        this.json = json;
    }

    ResearchRow toRow(Research research) {
        return new ResearchRow(research.id().toString(), research.query(), research.mode(),
                research.status().wireName(), research.title(), research.progress(),
                SqlTimes.format(research.createdAt()), SqlTimes.format(research.startedAt()),
                SqlTimes.format(research.completedAt()), writeMetadata(research.metadata()));
    }

    Research toResearch(ResearchRow row) {
        return new Research(UUID.fromString(row.id()), row.query(), row.mode(), ResearchStatus.fromWire(row.status()),
                row.title(), row.progress(), SqlTimes.parse(row.createdAt()), SqlTimes.parse(row.startedAt()),
                SqlTimes.parse(row.completedAt()), readMetadata(row.metadata()));
    }

    static QueryRow toRow(ResearchQuery query) {
        return new QueryRow(query.id().toString(), query.researchId().toString(), query.query(), query.engine(),
                SqlTimes.format(query.createdAt()));
    }

    static ResearchQuery toQuery(QueryRow row) {
        return new ResearchQuery(UUID.fromString(row.id()), UUID.fromString(row.researchId()), row.query(),
                row.engine(), SqlTimes.parse(row.createdAt()));
    }

    static ResourceRow toRow(ResearchResource resource) {
        return new ResourceRow(resource.id().toString(), resource.researchId().toString(),
                resource.queryId() == null ? null : resource.queryId().toString(), resource.title(), resource.url(),
                resource.snippet(), resource.sourceType(), SqlTimes.format(resource.createdAt()));
    }

    static ResearchResource toResource(ResourceRow row) {
        return new ResearchResource(UUID.fromString(row.id()), UUID.fromString(row.researchId()),
                row.queryId() == null ? null : UUID.fromString(row.queryId()), row.title(), row.url(), row.snippet(),
                row.sourceType(), SqlTimes.parse(row.createdAt()));
    }

    static ResearchReport toReport(ReportRow row) {
        return new ResearchReport(UUID.fromString(row.researchId()), row.content(), row.format(), row.version(),
                SqlTimes.parse(row.updatedAt()));
    }

    static ResearchLog toLog(LogRow row) {
        return new ResearchLog(UUID.fromString(row.researchId()), row.seq(), row.level(), row.message(),
                row.progress(), SqlTimes.parse(row.createdAt()));
    }

    private String writeMetadata(Map<String, Object> metadata) {
        try {
            return json.writeValueAsString(metadata);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Map<String, Object> readMetadata(String text) {
        // Most research has no metadata: skip building a JSON parser for "{}" (8 % of a read by id in JFR).
        if (EMPTY_OBJECT.equals(text)) {
            return Map.of();
        }
        try {
            return json.readValue(text, METADATA);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
