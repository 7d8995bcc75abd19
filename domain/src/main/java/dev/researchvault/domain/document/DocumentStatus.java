package dev.researchvault.domain.document;

import dev.researchvault.domain.WireNames;
import java.util.Set;

/**
 * Where a document's processing is (Maestro's {@code documents.processing_status}). Moves:
 * {@code pending → processing → completed | failed}; a pending document may also fail before processing starts
 * (its type cannot be read, say), and a failed one may be tried again ({@code failed → processing}). A completed
 * document is final: its text and chunks are what the engine extracted.
 */
public enum DocumentStatus {
    PENDING, PROCESSING, COMPLETED, FAILED;

    /** The name on the wire and in the database, e.g. {@code processing}. */
    public String wireName() {
        return WireNames.of(this);
    }

    /** The status called {@code name} on the wire; 400 {@code document.invalid-status} for anything else. */
    public static DocumentStatus fromWire(String name) {
        return WireNames.parse(values(), name, "document.invalid-status",
                "status must be one of pending, processing, completed, failed");
    }

    /** Whether a document in this status may move to {@code next} (staying put is not a move). */
    public boolean canMoveTo(DocumentStatus next) {
        return successors().contains(next);
    }

    private Set<DocumentStatus> successors() {
        return switch (this) {
            case PENDING -> Set.of(PROCESSING, FAILED);
            case PROCESSING -> Set.of(COMPLETED, FAILED);
            case FAILED -> Set.of(PROCESSING);
            case COMPLETED -> Set.of();
        };
    }
}
