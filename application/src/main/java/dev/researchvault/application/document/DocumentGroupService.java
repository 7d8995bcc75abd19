package dev.researchvault.application.document;

import dev.researchvault.application.account.Session;
import dev.researchvault.application.vault.VaultWork;
import dev.researchvault.domain.Page;
import dev.researchvault.domain.PageRequest;
import dev.researchvault.domain.document.DocumentGroup;
import dev.researchvault.domain.document.DocumentGroupRepository;
import dev.researchvault.domain.document.DocumentRepository;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** {@link ManageDocumentGroupsUseCase} over the caller's vault. */
public record DocumentGroupService(VaultWork vault, DocumentGroupRepository groups, DocumentRepository documents,
                                   Clock clock) implements ManageDocumentGroupsUseCase {

    @Override
    public DocumentGroup.Counted create(Session caller, String name, String description) {
        Instant now = now();
        DocumentGroup group = new DocumentGroup(UUID.randomUUID(), name, description, now, now);
        return vault.inTransaction(caller, () -> {
            groups.add(group);
            return new DocumentGroup.Counted(group, 0);
        });
    }

    @Override
    public DocumentGroup.Counted get(Session caller, UUID id) {
        return vault.inVault(caller, () -> existing(id));
    }

    @Override
    public Page<DocumentGroup.Counted> list(Session caller, PageRequest page) {
        return vault.inVault(caller, () -> groups.list(page));
    }

    @Override
    public DocumentGroup.Counted update(Session caller, UUID id, String name, String description) {
        Instant now = now();
        return vault.inTransaction(caller, () -> {
            DocumentGroup.Counted current = existing(id);
            DocumentGroup changed = current.group().change(name, description, now);
            groups.update(changed);
            return new DocumentGroup.Counted(changed, current.documentCount());
        });
    }

    @Override
    public void delete(Session caller, UUID id) {
        vault.inTransaction(caller, () -> {
            if (!groups.delete(id)) {
                throw DocumentErrors.groupNotFound();
            }
            return null;
        });
    }

    @Override
    public void addDocument(Session caller, UUID groupId, UUID documentId) {
        vault.inTransaction(caller, () -> {
            requireBoth(groupId, documentId);
            return groups.addMember(groupId, documentId);
        });
    }

    @Override
    public void removeDocument(Session caller, UUID groupId, UUID documentId) {
        vault.inTransaction(caller, () -> {
            requireBoth(groupId, documentId);
            return groups.removeMember(groupId, documentId);
        });
    }

    /** Group first: a request naming neither answers for the group, as its path reads. */
    private void requireBoth(UUID groupId, UUID documentId) {
        existing(groupId);
        if (documents.find(documentId).isEmpty()) {
            throw DocumentErrors.documentNotFound();
        }
    }

    private DocumentGroup.Counted existing(UUID id) {
        return groups.find(id).orElseThrow(DocumentErrors::groupNotFound);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
