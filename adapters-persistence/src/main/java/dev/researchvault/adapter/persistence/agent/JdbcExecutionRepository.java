package dev.researchvault.adapter.persistence.agent;

import dev.researchvault.adapter.persistence.agent.ExecutionRows.ExecutionListRow;
import dev.researchvault.adapter.persistence.sql.NewestFirstPages;
import dev.researchvault.adapter.persistence.sql.SqlTimes;
import dev.researchvault.adapter.persistence.sql.StoredIds;
import dev.researchvault.domain.Page;
import dev.researchvault.domain.PageCursor;
import dev.researchvault.domain.PageRequest;
import dev.researchvault.domain.agent.AgentExecution;
import dev.researchvault.domain.agent.ExecutionFilter;
import dev.researchvault.domain.agent.ExecutionLog;
import dev.researchvault.domain.agent.ExecutionRepository;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** {@link ExecutionRepository} in the bound user's {@code vault.db}, through Micronaut Data JDBC. */
@Singleton
final class JdbcExecutionRepository implements ExecutionRepository {

    private static final NewestFirstPages<ExecutionListRow> NEWEST_FIRST = new NewestFirstPages<>(
            PageCursor.Listing.EXECUTIONS, ExecutionListRow::createdAt, ExecutionListRow::position);

    private final ExecutionRows executions;

    JdbcExecutionRepository(ExecutionRows executions) {
        this.executions = executions;
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
        return listed(filter, page).map(row -> ExecutionMapper.toExecution(row.row()));
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

    /** The statements of the most selective filter given: agent, else chat, else status (see ExecutionRows). */
    private Page<ExecutionListRow> listed(ExecutionFilter filter, PageRequest page) {
        String agent = StoredIds.text(filter.agentId());
        String chat = StoredIds.text(filter.chatId());
        String status = filter.status() == null ? null : filter.status().wireName();
        if (agent != null) {
            return NEWEST_FIRST.page(page,
                    (limit, offset) -> executions.newestFirstOfAgent(agent, chat, status, limit, offset),
                    (time, position, limit) -> executions.newestAfterOfAgent(agent, chat, status, time, position, limit),
                    () -> executions.countOfAgent(agent, chat, status));
        }
        if (chat != null) {
            return NEWEST_FIRST.page(page, (limit, offset) -> executions.newestFirstOfChat(chat, status, limit, offset),
                    (time, position, limit) -> executions.newestAfterOfChat(chat, status, time, position, limit),
                    () -> executions.countOfChat(chat, status));
        }
        if (status != null) {
            return NEWEST_FIRST.page(page, (limit, offset) -> executions.newestFirstInStatus(status, limit, offset),
                    (time, position, limit) -> executions.newestAfterInStatus(status, time, position, limit),
                    () -> executions.countInStatus(status));
        }
        return NEWEST_FIRST.page(page, executions::newestFirst, executions::newestAfter, executions::countAll);
    }
}
