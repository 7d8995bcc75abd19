package dev.researchvault.application.writing;

import dev.researchvault.application.account.Session;
import dev.researchvault.application.vault.VaultWork;
import dev.researchvault.domain.ConflictException;
import dev.researchvault.domain.NotFoundException;
import dev.researchvault.domain.Page;
import dev.researchvault.domain.PageRequest;
import dev.researchvault.domain.document.DocumentRepository;
import dev.researchvault.domain.research.ResearchRepository;
import dev.researchvault.domain.writing.Draft;
import dev.researchvault.domain.writing.DraftReference;
import dev.researchvault.domain.writing.DraftVersion;
import dev.researchvault.domain.writing.WritingRepository;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/** {@link EditDraftsUseCase} over the caller's vault. */
public record DraftService(VaultWork vault, WritingRepository writing, ResearchRepository research,
                           DocumentRepository documents, Clock clock)
        implements EditDraftsUseCase {

    @Override
    public Draft create(Session caller, UUID sessionId, String title, String content) {
        Draft draft = Draft.create(UUID.randomUUID(), sessionId, title, content, now());
        return vault.inTransaction(caller, () -> {
            if (writing.findSession(sessionId).isEmpty()) {
                throw WritingErrors.sessionNotFound();
            }
            writing.addDraft(draft);
            return draft;
        });
    }

    @Override
    public Page<Draft> list(Session caller, UUID sessionId, PageRequest page) {
        return vault.inVault(caller, () -> {
            if (writing.findSession(sessionId).isEmpty()) {
                throw WritingErrors.sessionNotFound();
            }
            return writing.listDrafts(sessionId, page);
        });
    }

    @Override
    public Draft save(Session caller, UUID draftId, String content, String title, Integer baseVersion) {
        Instant now = now();
        // The check of the base version and the insert of the next one are one transaction (BEGIN IMMEDIATE, so
        // writers take turns): of two saves over the same base, the second reads the first's version and is
        // refused. The primary key (draft_id, version) refuses it too, should a save ever run outside one.
        return vault.inTransaction(caller, () -> {
            Draft revised = existing(draftId).revise(content, title, baseVersion, now);
            writing.addVersion(revised);
            return revised;
        });
    }

    @Override
    public Draft get(Session caller, UUID draftId) {
        return vault.inVault(caller, () -> existing(draftId));
    }

    @Override
    public Page<DraftVersion> versions(Session caller, UUID draftId, PageRequest page) {
        return inDraft(caller, draftId, () -> writing.versions(draftId, page));
    }

    @Override
    public Draft version(Session caller, UUID draftId, int version) {
        return inDraft(caller, draftId, () -> writing.findVersion(draftId, version).orElseThrow(
                () -> new NotFoundException("draft.version-not-found", "the draft has no such version")));
    }

    @Override
    public void delete(Session caller, UUID draftId) {
        vault.inTransaction(caller, () -> {
            if (!writing.deleteDraft(draftId)) {
                throw WritingErrors.draftNotFound();
            }
            return draftId;
        });
    }

    @Override
    public DraftReference cite(Session caller, UUID draftId, NewReference reference) {
        DraftReference cited = new DraftReference(UUID.randomUUID(), draftId, reference.citation(),
                reference.documentId(), reference.researchId(), reference.resourceId(), reference.url(),
                reference.position(), now());
        return vault.inTransaction(caller, () -> {
            existing(draftId);
            if (cited.researchId() != null && research.find(cited.researchId()).isEmpty()) {
                throw new NotFoundException("research.not-found", "no research with this id");
            }
            if (cited.documentId() != null && documents.find(cited.documentId()).isEmpty()) {
                throw new NotFoundException("document.not-found", "no document with this id");
            }
            if (writing.countReferences(draftId) >= DraftReference.MAX_PER_DRAFT) {
                throw new ConflictException("draft.too-many-references",
                        "a draft holds at most " + DraftReference.MAX_PER_DRAFT + " references");
            }
            writing.addReference(cited);
            return cited;
        });
    }

    @Override
    public List<DraftReference> references(Session caller, UUID draftId) {
        return inDraft(caller, draftId, () -> writing.references(draftId));
    }

    @Override
    public void removeReference(Session caller, UUID draftId, UUID referenceId) {
        vault.inTransaction(caller, () -> {
            existing(draftId);
            if (!writing.deleteReference(draftId, referenceId)) {
                throw new NotFoundException("reference.not-found", "the draft has no such reference");
            }
            return referenceId;
        });
    }

    private Draft existing(UUID draftId) {
        return writing.findDraft(draftId).orElseThrow(WritingErrors::draftNotFound);
    }

    /** Runs {@code work} in the caller's vault once the draft is known to exist there (else 404). */
    private <T> T inDraft(Session caller, UUID draftId, Supplier<T> work) {
        return vault.inVault(caller, () -> {
            existing(draftId);
            return work.get();
        });
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
