package dev.researchvault.domain.agent;

import dev.researchvault.domain.WireNames;
import java.util.Set;

/**
 * Where an agent execution is. Moves: {@code pending → running → completed | failed | cancelled}; a pending
 * execution may also be cancelled, or fail before it ever ran (its model could not be reached). The three end
 * states are final.
 */
public enum ExecutionStatus {
    PENDING, RUNNING, COMPLETED, FAILED, CANCELLED;

    /** The name used on the wire and in the database, e.g. {@code running}. */
    public String wireName() {
        return WireNames.of(this);
    }

    /** The status called {@code name} on the wire; 400 for anything else. */
    public static ExecutionStatus fromWire(String name) {
        return WireNames.parse(values(), name, "execution.invalid-status",
                "status must be one of pending, running, completed, failed, cancelled");
    }

    /** Whether an execution in this status may move to {@code next} (staying put is not a move). */
    public boolean canMoveTo(ExecutionStatus next) {
        return successors().contains(next);
    }

    public boolean isFinal() {
        return this == COMPLETED || this == FAILED || this == CANCELLED;
    }

    private Set<ExecutionStatus> successors() {
        return switch (this) {
            case PENDING -> Set.of(RUNNING, FAILED, CANCELLED);
            case RUNNING -> Set.of(COMPLETED, FAILED, CANCELLED);
            case COMPLETED, FAILED, CANCELLED -> Set.of();
        };
    }
}
