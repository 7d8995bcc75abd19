package dev.researchvault.application.agent;

import dev.researchvault.application.account.Session;
import dev.researchvault.domain.Page;
import dev.researchvault.domain.PageRequest;
import dev.researchvault.domain.agent.Agent;
import dev.researchvault.domain.agent.AgentFilter;
import java.util.Map;
import java.util.UUID;

/** The caller's agents: create, read, list, change and delete them. */
public interface ManageAgentsUseCase {

    /** A new agent. 400 for a bad field; 409 {@code agent.name-taken} when another agent has the name. */
    Agent create(Session caller, NewAgent agent);

    /** 404 {@code agent.not-found} when the caller has no such agent. */
    Agent get(Session caller, UUID id);

    /** The caller's agents matching {@code filter}, most recently updated first. */
    Page<Agent> list(Session caller, AgentFilter filter, PageRequest page);

    /** Applies the given changes together (all or none); 404, 400 and 409 as above. */
    Agent update(Session caller, UUID id, Agent.AgentChanges changes);

    /**
     * Deletes the agent; its chats and executions stay, detached, with the agent's name as it was. 404 when
     * there is no such agent.
     */
    void delete(Session caller, UUID id);

    /** What {@link #create} takes; {@code active} defaults to true. */
    record NewAgent(String name, String description, String model, String systemPrompt, Boolean active,
                    Map<String, Object> parameters) {
    }
}
