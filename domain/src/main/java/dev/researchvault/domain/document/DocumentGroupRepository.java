package dev.researchvault.domain.document;

import dev.researchvault.domain.Page;
import dev.researchvault.domain.PageRequest;
import dev.researchvault.domain.vault.VaultBound;
import java.util.Optional;
import java.util.UUID;

/** The document groups of the bound vault and their members. */
@VaultBound
public interface DocumentGroupRepository {

    /**
     * Stores a new group.
     *
     * @throws dev.researchvault.domain.ConflictException {@code document-group.name-taken} when another group has
     *         the name (compared without regard to case); nothing is stored then
     */
    void add(DocumentGroup group);

    /** Replaces the stored group of the same id; 409 as {@link #add}. */
    void update(DocumentGroup group);

    Optional<DocumentGroup.Counted> find(UUID id);

    /** Groups newest first, each with its number of documents, sliced by page or cursor. */
    Page<DocumentGroup.Counted> list(PageRequest page);

    /** Deletes the group and its memberships; its documents stay. False when there was none. */
    boolean delete(UUID id);

    /** Puts the document into the group; both must exist. Idempotent: true when it was not in it yet. */
    boolean addMember(UUID groupId, UUID documentId);

    /** Takes the document out of the group. Idempotent: true when it was in it. */
    boolean removeMember(UUID groupId, UUID documentId);

    /** How many groups the vault holds. */
    long count();
}
