package dev.researchvault.domain.agent;

import dev.researchvault.domain.Texts;

/**
 * Which agents to list.
 *
 * @param active only active (true) or parked (false) agents, or null for both
 * @param model  only agents of exactly this model, or null for all
 */
public record AgentFilter(Boolean active, String model) {

    public AgentFilter {
        model = model == null || model.isEmpty() ? null : Texts.bounded(model, Agent.MAX_MODEL_LENGTH, "agent.invalid-filter", "model");
    }

    public static AgentFilter all() {
        return new AgentFilter(null, null);
    }
}
