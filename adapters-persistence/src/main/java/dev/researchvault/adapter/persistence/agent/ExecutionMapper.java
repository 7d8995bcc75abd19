package dev.researchvault.adapter.persistence.agent;

import dev.researchvault.adapter.persistence.agent.ExecutionRows.ExecutionRow;
import dev.researchvault.adapter.persistence.agent.ExecutionRows.LogRow;
import dev.researchvault.adapter.persistence.sql.SqlTimes;
import dev.researchvault.adapter.persistence.sql.StoredIds;
import dev.researchvault.adapter.persistence.sql.StoredUsage;
import dev.researchvault.domain.agent.AgentExecution;
import dev.researchvault.domain.agent.ExecutionLog;
import dev.researchvault.domain.agent.ExecutionStatus;
import java.util.UUID;

/** Converts between execution rows and the domain; usage as {@link StoredUsage}. */
final class ExecutionMapper {

    private ExecutionMapper() {
    }

    static ExecutionRow toRow(AgentExecution execution) {
        return new ExecutionRow(execution.id().toString(), StoredIds.text(execution.agentId()),
                execution.agentName(), StoredIds.text(execution.chatId()), execution.status().wireName(),
                execution.input(), execution.output(), execution.error(), execution.model(),
                SqlTimes.format(execution.createdAt()), SqlTimes.format(execution.startedAt()),
                SqlTimes.format(execution.completedAt()),
                StoredUsage.promptTokens(execution.usage()), StoredUsage.completionTokens(execution.usage()),
                StoredUsage.costMicros(execution.usage()));
    }

    static AgentExecution toExecution(ExecutionRow row) {
        return new AgentExecution(UUID.fromString(row.id()), StoredIds.id(row.agentId()), row.agentName(),
                StoredIds.id(row.chatId()), ExecutionStatus.fromWire(row.status()), row.input(), row.output(),
                row.error(), row.model(),
                SqlTimes.parse(row.createdAt()), SqlTimes.parse(row.startedAt()), SqlTimes.parse(row.completedAt()),
                StoredUsage.read(row.promptTokens(), row.completionTokens(), row.costMicros()));
    }

    static ExecutionLog toLog(LogRow row) {
        return new ExecutionLog(UUID.fromString(row.executionId()), row.sequence(), row.level(), row.message(),
                SqlTimes.parse(row.createdAt()));
    }
}
