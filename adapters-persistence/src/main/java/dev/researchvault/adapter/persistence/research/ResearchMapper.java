package dev.researchvault.adapter.persistence.research;

import dev.researchvault.adapter.persistence.sql.JsonColumns;
import dev.researchvault.adapter.persistence.sql.SqlTimes;
import dev.researchvault.adapter.persistence.sql.StoredIds;
import dev.researchvault.adapter.persistence.sql.StoredUsage;
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
import jakarta.inject.Singleton;
import java.util.UUID;

/**
 * Converts between research rows and the domain. Metadata is a JSON object in a TEXT column; usage is
 * {@link StoredUsage} (NULL in rows written before V6, which read as "no usage").
 */
@Singleton
final class ResearchMapper {

    private final JsonColumns json;

    ResearchMapper(JsonColumns json) {
        this.json = json;
    }

    ResearchRow toRow(Research research) {
        return new ResearchRow(research.id().toString(), research.query(), research.mode(),
                research.status().wireName(), research.title(), research.progress(),
                SqlTimes.format(research.createdAt()), SqlTimes.format(research.startedAt()),
                SqlTimes.format(research.completedAt()), json.writeObject(research.metadata()),
                StoredUsage.promptTokens(research.usage()), StoredUsage.completionTokens(research.usage()),
                StoredUsage.costMicros(research.usage()), StoredIds.text(research.chatId()));
    }

    Research toResearch(ResearchRow row) {
        return new Research(UUID.fromString(row.id()), row.query(), row.mode(), ResearchStatus.fromWire(row.status()),
                row.title(), row.progress(), SqlTimes.parse(row.createdAt()), SqlTimes.parse(row.startedAt()),
                SqlTimes.parse(row.completedAt()), json.readObject(row.metadata()),
                StoredUsage.read(row.promptTokens(), row.completionTokens(), row.costMicros()),
                StoredIds.id(row.chatId()));
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
}
