package dev.researchvault.domain.agent;

import java.util.UUID;

/** Which executions to list; every null field matches all. */
public record ExecutionFilter(UUID agentId, UUID chatId, ExecutionStatus status) {

    public static ExecutionFilter all() {
        return new ExecutionFilter(null, null, null);
    }
}
