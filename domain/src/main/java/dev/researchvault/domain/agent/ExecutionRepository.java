package dev.researchvault.domain.agent;

import dev.researchvault.domain.Page;
import dev.researchvault.domain.PageRequest;
import dev.researchvault.domain.vault.VaultBound;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The agent executions of the bound vault, with their logs. */
@VaultBound
public interface ExecutionRepository {

    /** Stores a new execution. Not idempotent: the id must be new. */
    void add(AgentExecution execution);

    /** Replaces the stored execution of the same id. */
    void update(AgentExecution execution);

    Optional<AgentExecution> find(UUID id);

    /** Executions newest first (by creation; ties: latest added first), sliced by page or cursor. */
    Page<AgentExecution> list(ExecutionFilter filter, PageRequest page);

    /** Unlinks the executions of a deleted agent ({@code agentId} becomes null; they keep the agent's name). */
    void detachAgent(UUID agentId);

    /** Unlinks the executions of a deleted chat ({@code chatId} becomes null). */
    void detachChat(UUID chatId);

    /** Appends a line, numbering it after the execution's last one; answers it with its sequence. */
    ExecutionLog appendLog(ExecutionLog line);

    /** At most {@code limit} lines of the execution with a sequence above {@code afterSequence}, in order. */
    List<ExecutionLog> logs(UUID executionId, long afterSequence, int limit);
}
