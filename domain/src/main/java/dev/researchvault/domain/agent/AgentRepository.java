package dev.researchvault.domain.agent;

import dev.researchvault.domain.Page;
import dev.researchvault.domain.PageRequest;
import dev.researchvault.domain.vault.VaultBound;
import java.util.Optional;
import java.util.UUID;

/** The agents of the bound vault. */
@VaultBound
public interface AgentRepository {

    /**
     * Stores a new agent. Not idempotent: the id must be new.
     *
     * @throws dev.researchvault.domain.ConflictException {@code agent.name-taken} when another agent has the
     *         same name, compared without regard to case; nothing is stored then
     */
    void add(Agent agent);

    /**
     * Replaces the stored agent of the same id.
     *
     * @throws dev.researchvault.domain.ConflictException {@code agent.name-taken} as {@link #add}
     */
    void update(Agent agent);

    Optional<Agent> find(UUID id);

    /** Agents most recently updated first (ties: latest added first), sliced by page or cursor. */
    Page<Agent> list(AgentFilter filter, PageRequest page);

    /**
     * Deletes the agent alone. Its chats and executions stay; the service detaches them in the same transaction
     * ({@link ExecutionRepository#detachAgent}, {@code ChatRepository.detachAgent}), and they keep the name they
     * recorded.
     *
     * @return false when there was no such agent
     */
    boolean delete(UUID id);
}
