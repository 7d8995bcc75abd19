package dev.researchvault.application.writing;

import dev.researchvault.application.account.Session;
import dev.researchvault.domain.Page;
import dev.researchvault.domain.PageRequest;
import dev.researchvault.domain.writing.WritingSession;
import java.util.UUID;

/** The caller's writing sessions: create, read, list, change and delete them. */
public interface ManageWritingSessionsUseCase {

    /** A new session, started from chat {@code chatId} when given. 400 bad title; 404 {@code chat.not-found}. */
    WritingSession create(Session caller, String title, UUID chatId);

    /** 404 {@code writing.not-found} when the caller has no such session. */
    WritingSession get(Session caller, UUID id);

    /** The caller's sessions, most recently updated first. */
    Page<WritingSession> list(Session caller, PageRequest page);

    /** Renames it and/or links it to another chat (null: unchanged). 404 session or chat; 400 bad title. */
    WritingSession update(Session caller, UUID id, String title, UUID chatId);

    /** Deletes the session with its drafts, their versions and references. 404 as above. */
    void delete(Session caller, UUID id);
}
