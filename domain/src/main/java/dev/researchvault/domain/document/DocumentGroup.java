package dev.researchvault.domain.document;

import dev.researchvault.domain.FieldChecks;
import dev.researchvault.domain.Texts;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A named collection of documents (many to many: a document may be in several groups). Names are unique per
 * user, compared without regard to case. Deleting a group keeps its documents.
 */
public record DocumentGroup(UUID id, String name, String description, Instant createdAt, Instant updatedAt) {

    public static final int MAX_NAME_LENGTH = 200;
    public static final int MAX_DESCRIPTION_LENGTH = 2_000;

    public DocumentGroup {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        FieldChecks fields = new FieldChecks();
        String checkedDescription = description;
        fields.checkThat("name", () -> Texts.requiredName(name, MAX_NAME_LENGTH, "document-group.invalid-name"));
        fields.check("description", () -> Texts.bounded(checkedDescription, MAX_DESCRIPTION_LENGTH,
                "document-group.invalid-description", "description"));
        fields.requireNone();
        description = description == null || description.isEmpty() ? null : description;
    }

    /** This group renamed and/or described anew (null: unchanged, empty description: cleared) at {@code now}. */
    public DocumentGroup change(String newName, String newDescription, Instant now) {
        return new DocumentGroup(id, newName != null ? newName : name,
                newDescription != null ? newDescription : description, createdAt, now);
    }

    /** A group as a document names it. */
    public record Ref(UUID id, String name) {
    }

    /** A group with the number of documents in it. */
    public record Counted(DocumentGroup group, long documentCount) {
    }
}
