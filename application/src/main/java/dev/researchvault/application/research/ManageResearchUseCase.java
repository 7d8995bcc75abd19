package dev.researchvault.application.research;

import dev.researchvault.application.account.Session;
import dev.researchvault.domain.Page;
import dev.researchvault.domain.PageRequest;
import dev.researchvault.domain.research.Research;
import dev.researchvault.domain.research.ResearchFilter;
import java.util.UUID;

/** Research tasks of the calling user: start, read, list, change and delete them. */
public interface ManageResearchUseCase {

    /**
     * Starts a new pending research, from the command's chat when it names one. 400 for a blank or too long query
     * or a malformed mode; 404 {@code chat.not-found} for a chat the caller does not have.
     */
    Research start(Session caller, StartResearchCommand command);

    /** The research {@code id}; 404 {@code research.not-found} when the caller has none such. */
    Research get(Session caller, UUID id);

    /**
     * The caller's research matching {@code filter}, newest first: a page by number or the research after a
     * cursor, with the cursor of the next slice when more follow. 400 {@code page.invalid-cursor} for a
     * cursor another list issued. Reads only.
     */
    Page<Research> list(Session caller, ResearchFilter filter, PageRequest page);

    /**
     * Applies the given changes together (all or none). 404 no such research; 409 illegal status change;
     * 400 progress outside 0–100 or a too long title. Setting the current status again changes nothing.
     */
    Research update(Session caller, UUID id, UpdateResearchCommand command);

    /**
     * The research started from chat {@code chatId}, newest first, paged like {@link #list}. 404
     * {@code chat.not-found} when the caller has no such chat.
     */
    Page<Research> listOfChat(Session caller, UUID chatId, PageRequest page);

    /**
     * Deletes the research and everything recorded for it; draft references to it keep their citations and lose
     * the link. 404 when there is no such research.
     */
    void delete(Session caller, UUID id);
}
