package dev.researchvault.application.writing;

import dev.researchvault.application.account.Session;
import dev.researchvault.domain.Page;
import dev.researchvault.domain.PageRequest;
import dev.researchvault.domain.RuleViolationException;
import dev.researchvault.domain.writing.Draft;
import dev.researchvault.domain.writing.DraftReference;
import dev.researchvault.domain.writing.DraftVersion;
import java.util.List;
import java.util.UUID;

/**
 * Drafts of the caller's writing sessions: every save is a new version, and a save over a version that is no
 * longer the latest is refused, so two tabs editing one draft never lose each other's change silently.
 */
public interface EditDraftsUseCase {

    /** Version 1 of a new draft of session {@code sessionId}. 404 {@code writing.not-found}; 400/413 bad fields. */
    Draft create(Session caller, UUID sessionId, String title, String content);

    /** The drafts of a session (latest versions), most recently saved first. 404 as above. */
    Page<Draft> list(Session caller, UUID sessionId, PageRequest page);

    /**
     * Saves a new version over {@code baseVersion}: its content, and its title unless null. 404
     * {@code draft.not-found}; 409 {@code draft.version-conflict} when {@code baseVersion} is not the latest.
     */
    Draft save(Session caller, UUID draftId, String content, String title, Integer baseVersion);

    /** The latest version. 404 {@code draft.not-found}. */
    Draft get(Session caller, UUID draftId);

    /** The versions, newest first, without content. 404 as above. */
    Page<DraftVersion> versions(Session caller, UUID draftId, PageRequest page);

    /** Version {@code version}. 404 {@code draft.not-found} or {@code draft.version-not-found}. */
    Draft version(Session caller, UUID draftId, int version);

    /** Deletes the draft with every version and reference. 404 as above. */
    void delete(Session caller, UUID draftId);

    /**
     * A new reference of the draft. 404 {@code draft.not-found}, {@code research.not-found} (a research that
     * is not the caller's); 409 {@code draft.too-many-references}; 400 bad fields.
     */
    DraftReference cite(Session caller, UUID draftId, NewReference reference);

    /** The draft's references by position, then in the order added. 404 as above. */
    List<DraftReference> references(Session caller, UUID draftId);

    /** 404 {@code draft.not-found} or {@code reference.not-found}. */
    void removeReference(Session caller, UUID draftId, UUID referenceId);

    /** What {@link #cite} takes. */
    record NewReference(String citation, UUID documentId, UUID researchId, UUID resourceId, String url,
                        Integer position) {

        /** @throws RuleViolationException naming every part {@link DraftReference#checkFields} refuses */
        public void requireValid() {
            DraftReference.checkFields(citation, researchId, resourceId, url, position);
        }
    }
}
