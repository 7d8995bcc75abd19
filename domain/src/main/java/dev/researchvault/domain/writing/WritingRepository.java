package dev.researchvault.domain.writing;

import dev.researchvault.domain.Page;
import dev.researchvault.domain.PageRequest;
import dev.researchvault.domain.vault.VaultBound;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The writing sessions of the bound vault, their drafts with every version, and the drafts' references. Writes
 * of more than one statement are atomic only inside the caller's transaction, which the service opens.
 */
@VaultBound
public interface WritingRepository {

    /** Stores a new session. Not idempotent: the id must be new. */
    void addSession(WritingSession session);

    /** Replaces the stored session of the same id. */
    void updateSession(WritingSession session);

    Optional<WritingSession> findSession(UUID id);

    /** Sessions most recently updated first (ties: latest added first), sliced by page or cursor. */
    Page<WritingSession> listSessions(PageRequest page);

    /**
     * Deletes a session with its drafts, their versions and references.
     *
     * @return false when there was no such session
     */
    boolean deleteSession(UUID id);

    /** Clears the chat link of every session started from {@code chatId} (the chat is being deleted). */
    void unlinkChat(UUID chatId);

    /** Stores a new draft as its version 1 ({@code draft.version()} must be 1). */
    void addDraft(Draft draft);

    /**
     * Stores {@code revised} as the draft's new latest version; earlier versions are neither read nor rewritten.
     * Call in the transaction that read the version it revises.
     *
     * @throws dev.researchvault.domain.ConflictException {@value Draft#VERSION_CONFLICT} when that version
     *         number is taken already (a concurrent save of the same base won)
     */
    void addVersion(Draft revised);

    /** The latest version of the draft. */
    Optional<Draft> findDraft(UUID id);

    /** Version {@code version} of the draft, if both exist. */
    Optional<Draft> findVersion(UUID draftId, int version);

    /** The drafts (latest versions) of a session, most recently saved first, sliced by page or cursor. */
    Page<Draft> listDrafts(UUID sessionId, PageRequest page);

    /** The versions of a draft without content, newest first, by page number; total is the number of versions. */
    Page<DraftVersion> versions(UUID draftId, PageRequest page);

    /**
     * Deletes a draft with its versions and references.
     *
     * @return false when there was no such draft
     */
    boolean deleteDraft(UUID id);

    /** Stores a new reference of an existing draft. */
    void addReference(DraftReference reference);

    /** The draft's references, by position (references without one last), then in the order added. */
    List<DraftReference> references(UUID draftId);

    /** How many references the draft has. */
    int countReferences(UUID draftId);

    /**
     * Deletes a reference of the draft.
     *
     * @return false when the draft has no such reference
     */
    boolean deleteReference(UUID draftId, UUID referenceId);

    /** Clears the document link of every reference to {@code documentId}; their citations stay. */
    void unlinkDocument(UUID documentId);

    /** Clears the research and resource links of every reference to {@code researchId}; citations stay. */
    void unlinkResearch(UUID researchId);
}
