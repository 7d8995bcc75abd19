package dev.researchvault.application.agent

import dev.researchvault.application.support.NewestFirstSlices
import dev.researchvault.application.vault.OneVault
import dev.researchvault.domain.Page
import dev.researchvault.domain.PageCursor
import dev.researchvault.domain.PageRequest
import dev.researchvault.domain.agent.AgentExecution
import dev.researchvault.domain.agent.ExecutionFilter
import dev.researchvault.domain.agent.ExecutionLog
import dev.researchvault.domain.agent.ExecutionRepository

/** {@link ExecutionRepository} in memory: the fake behind service specs and the reference of the contract spec. */
class InMemoryExecutionRepository implements ExecutionRepository {

    /** Every call needs a bound vault, as in the SQLite adapter. */
    private final OneVault vault = new OneVault()
    private final Map<UUID, AgentExecution> executions = new LinkedHashMap<>()
    private final Map<UUID, Long> sequences = [:]
    private long lastAdded
    private final NewestFirstSlices<AgentExecution> newestFirst =
            new NewestFirstSlices<>(PageCursor.Listing.EXECUTIONS, { it.createdAt() }, { sequences[it.id()] })
    private final List<ExecutionLog> logLines = []

    @Override
    synchronized void add(AgentExecution execution) {
        vault.enter()
        assert !executions.containsKey(execution.id())
        executions.put(execution.id(), execution)
        sequences[execution.id()] = ++lastAdded
    }

    @Override
    synchronized void update(AgentExecution execution) {
        vault.enter()
        if (executions.containsKey(execution.id())) {
            executions.put(execution.id(), execution)
        }
    }

    @Override
    synchronized Optional<AgentExecution> find(UUID id) {
        vault.enter()
        Optional.ofNullable(executions.get(id))
    }

    @Override
    synchronized Page<AgentExecution> list(ExecutionFilter filter, PageRequest page) {
        vault.enter()
        newestFirst.slice(executions.values().findAll { matches(it, filter) }, page)
    }

    @Override
    synchronized void detachAgent(UUID agentId) {
        vault.enter()
        replaceWhere({ it.agentId() == agentId }) { AgentExecution e ->
            new AgentExecution(e.id(), null, e.agentName(), e.chatId(), e.status(), e.input(), e.output(), e.error(),
                    e.model(), e.createdAt(), e.startedAt(), e.completedAt(), e.usage())
        }
    }

    @Override
    synchronized void detachChat(UUID chatId) {
        vault.enter()
        replaceWhere({ it.chatId() == chatId }) { AgentExecution e ->
            new AgentExecution(e.id(), e.agentId(), e.agentName(), null, e.status(), e.input(), e.output(), e.error(),
                    e.model(), e.createdAt(), e.startedAt(), e.completedAt(), e.usage())
        }
    }

    @Override
    synchronized ExecutionLog appendLog(ExecutionLog line) {
        vault.enter()
        long last = logLines.findAll { it.executionId() == line.executionId() }*.sequence().max() ?: 0L
        ExecutionLog numbered = line.withSequence(last + 1)
        logLines << numbered
        numbered
    }

    @Override
    synchronized List<ExecutionLog> logs(UUID executionId, long afterSequence, int limit) {
        vault.enter()
        logLines.findAll { it.executionId() == executionId && it.sequence() > afterSequence }.take(limit)
    }

    /** Every execution stored, for fakes that sum usage over them. */
    synchronized List<AgentExecution> all() {
        vault.enter()
        List.copyOf(executions.values())
    }

    private void replaceWhere(Closure<Boolean> which, Closure<AgentExecution> change) {
        executions.values().findAll(which).each { executions.put(it.id(), change(it)) }
    }

    private static boolean matches(AgentExecution execution, ExecutionFilter filter) {
        (filter.agentId() == null || execution.agentId() == filter.agentId()) &&
                (filter.chatId() == null || execution.chatId() == filter.chatId()) &&
                (filter.status() == null || execution.status() == filter.status())
    }
}
