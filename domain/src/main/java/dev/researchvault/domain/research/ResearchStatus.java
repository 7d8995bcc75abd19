package dev.researchvault.domain.research;

import dev.researchvault.domain.WireNames;
import java.util.Set;

/**
 * Where a research task is in its life. Moves: {@code pending → in_progress → completed | failed |
 * cancelled}, {@code in_progress ↔ suspended}, and {@code pending → cancelled} (a user withdrawing a task no engine
 * has taken up yet). The three end states are final.
 */
public enum ResearchStatus {
    PENDING, IN_PROGRESS, SUSPENDED, COMPLETED, FAILED, CANCELLED;

    /** The name used on the wire and in the database, e.g. {@code in_progress}. */
    public String wireName() {
        return WireNames.of(this);
    }

    /** The status called {@code name} on the wire; 400 for anything else. */
    public static ResearchStatus fromWire(String name) {
        return WireNames.parse(values(), name, "research.invalid-status",
                "status must be one of pending, in_progress, suspended, completed, failed, cancelled");
    }

    /** Whether a research in this status may move to {@code next} (staying put is not a move). */
    public boolean canMoveTo(ResearchStatus next) {
        return successors().contains(next);
    }

    public boolean isFinal() {
        return this == COMPLETED || this == FAILED || this == CANCELLED;
    }

    private Set<ResearchStatus> successors() {
        return switch (this) {
            case PENDING -> Set.of(IN_PROGRESS, CANCELLED);
            case IN_PROGRESS -> Set.of(SUSPENDED, COMPLETED, FAILED, CANCELLED);
            case SUSPENDED -> Set.of(IN_PROGRESS);
            case COMPLETED, FAILED, CANCELLED -> Set.of();
        };
    }
}
