package dev.researchvault.application.agent;

import dev.researchvault.domain.NotFoundException;

/** The errors the agent use cases share. */
final class AgentErrors {

    private AgentErrors() {
    }

    static NotFoundException agentNotFound() {
        return new NotFoundException("agent.not-found", "no agent with this id");
    }

    static NotFoundException executionNotFound() {
        return new NotFoundException("execution.not-found", "no execution with this id");
    }
}
