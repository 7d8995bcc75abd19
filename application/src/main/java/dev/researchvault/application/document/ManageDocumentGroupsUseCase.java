package dev.researchvault.application.document;

import dev.researchvault.application.account.Session;
import dev.researchvault.domain.Page;
import dev.researchvault.domain.PageRequest;
import dev.researchvault.domain.document.DocumentGroup;
import java.util.UUID;

/**
 * The caller's document groups and their members. Unknown groups are 404 {@code document-group.not-found},
 * unknown documents 404 {@code document.not-found}; a name another group has is 409
 * {@code document-group.name-taken}.
 */
public interface ManageDocumentGroupsUseCase {

    DocumentGroup.Counted create(Session caller, String name, String description);

    DocumentGroup.Counted get(Session caller, UUID id);

    /** Newest first. */
    Page<DocumentGroup.Counted> list(Session caller, PageRequest page);

    /** Renames and/or describes the group (null: unchanged; empty description: cleared). */
    DocumentGroup.Counted update(Session caller, UUID id, String name, String description);

    /** Deletes the group; its documents stay. */
    void delete(Session caller, UUID id);

    /** Puts the document into the group; idempotent. */
    void addDocument(Session caller, UUID groupId, UUID documentId);

    /** Takes the document out of the group; idempotent. */
    void removeDocument(Session caller, UUID groupId, UUID documentId);
}
