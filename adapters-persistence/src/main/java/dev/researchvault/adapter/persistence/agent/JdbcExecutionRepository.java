package dev.researchvault.adapter.persistence.agent;

import dev.researchvault.adapter.persistence.agent.ExecutionRows.ExecutionRow;
import dev.researchvault.adapter.persistence.sql.ListFilter;
import dev.researchvault.adapter.persistence.sql.NewestFirstList;
import dev.researchvault.adapter.persistence.sql.SqlTimes;
import dev.researchvault.adapter.persistence.sql.StoredIds;
import dev.researchvault.domain.Page;
import dev.researchvault.domain.PageCursor;
import dev.researchvault.domain.PageRequest;
import dev.researchvault.domain.agent.AgentExecution;
import dev.researchvault.domain.agent.ExecutionFilter;
import dev.researchvault.domain.agent.ExecutionLog;
import dev.researchvault.domain.agent.ExecutionRepository;
import io.micronaut.data.connection.ConnectionOperations;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** {@link ExecutionRepository} in the bound user's {@code vault.db}, through Micronaut Data JDBC. */
@Singleton
final class JdbcExecutionRepository implements ExecutionRepository {

    /**
     * Newest first. The index read is the most selective filter's: the agent's, else the chat's, else the
     * status's (an agent or a chat holds few executions, a status many); the other filters check the rows it finds.
     */
    static final NewestFirstList.Shape LIST = new NewestFirstList.Shape(PageCursor.Listing.EXECUTIONS,
            "agent_execution", "rowid", "created_at", "id, agent_id, agent_name, chat_id, status, input, output,"
            + " error, model, created_at, started_at, completed_at, prompt_tokens, completion_tokens, cost_micros");

    private final ExecutionRows executions;
    private final NewestFirstList<ExecutionRow> newestFirst;

    JdbcExecutionRepository(ExecutionRows executions, @Named("default") ConnectionOperations<Connection> connections) {
        this.executions = executions;
        this.newestFirst = new NewestFirstList<>(connections, LIST, ExecutionRow::read);
    }

    @Override
    public void add(AgentExecution execution) {
        executions.save(ExecutionMapper.toRow(execution));
    }

    @Override
    public void update(AgentExecution execution) {
        executions.update(ExecutionMapper.toRow(execution));
    }

    @Override
    public Optional<AgentExecution> find(UUID id) {
        return executions.findById(id.toString()).map(ExecutionMapper::toExecution);
    }

    @Override
    public Page<AgentExecution> list(ExecutionFilter filter, PageRequest page) {
        String status = filter.status() == null ? null : filter.status().wireName();
        return newestFirst.page(page, ListFilter.equal("agent_id", StoredIds.text(filter.agentId())),
                ListFilter.equal("chat_id", StoredIds.text(filter.chatId())), ListFilter.equal("status", status))
                .map(ExecutionMapper::toExecution);
    }

    @Override
    public void detachAgent(UUID agentId) {
        executions.detachAgent(agentId.toString());
    }

    @Override
    public void detachChat(UUID chatId) {
        executions.detachChat(chatId.toString());
    }

    @Override
    public ExecutionLog appendLog(ExecutionLog line) {
        String id = line.executionId().toString();
        executions.appendLog(id, line.level(), line.message(), SqlTimes.format(line.createdAt()));
        return ExecutionMapper.toLog(executions.lastLog(id));
    }

    @Override
    public List<ExecutionLog> logs(UUID executionId, long afterSequence, int limit) {
        return executions.logsAfter(executionId.toString(), afterSequence, limit).stream()
                .map(ExecutionMapper::toLog).toList();
    }
}
