package dev.researchvault.domain.research;

import dev.researchvault.domain.vault.VaultBound;
import dev.researchvault.domain.Page;
import dev.researchvault.domain.PageRequest;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The research tasks of the bound user's vault, with their queries, resources, report and log. Methods
 * taking a {@code researchId} of a research that does not exist either answer empty or, for writes, are
 * the caller's mistake (the service checks existence first). Errors of the storage itself surface as
 * unchecked exceptions of the adapter.
 */
@VaultBound
public interface ResearchRepository {

    /** Stores a new research. Not idempotent: the id must be new. */
    void add(Research research);

    /** Replaces the stored state of an existing research (same id). Idempotent. */
    void update(Research research);

    /** The research with this id, if any. */
    Optional<Research> find(UUID id);

    /**
     * Research matching {@code filter}, newest first (by creation time; research created in the same
     * millisecond come latest-added first), sliced by {@code page}; {@code total} counts all matches. The
     * page's {@code next} is the cursor after its last item when more matches follow (in both page modes).
     * A cursor is a position in the order, not in one filtered result: it may be used with any filter, and
     * it stays valid when its own item is deleted or changed. Reads only.
     *
     * @throws dev.researchvault.domain.RuleViolationException {@code page.invalid-cursor} for a cursor
     *         that another list issued
     */
    Page<Research> list(ResearchFilter filter, PageRequest page);

    /** Clears the chat link of every research started from {@code chatId} (the chat is being deleted). */
    void detachChat(UUID chatId);

    /**
     * Deletes a research with its queries, resources, report and log lines. Idempotent: answers whether
     * something was deleted.
     */
    boolean delete(UUID id);

    /** Stores a new query of an existing research. Not idempotent. */
    void addQuery(ResearchQuery query);

    /** The queries of a research, oldest first; empty when none or no such research. */
    List<ResearchQuery> queries(UUID researchId);

    /** Whether {@code queryId} is a query of {@code researchId}. */
    boolean hasQuery(UUID researchId, UUID queryId);

    /**
     * Stores new resources. Atomic only inside the caller's transaction, which the service opens: one call
     * of the service is one transaction however many resources it holds.
     */
    void addResources(List<ResearchResource> resources);

    /** The resources of a research, oldest first, sliced by {@code page}. */
    Page<ResearchResource> resources(UUID researchId, PageRequest page);

    /**
     * Replaces the report of an existing research with {@code draft} (whose version is ignored): version 1
     * for the first one, the previous version + 1 after. Not idempotent (every call adds a version). Call
     * inside a transaction, so two concurrent puts cannot take the same version.
     *
     * @return the report as stored, with its version
     */
    ResearchReport putReport(ResearchReport draft);

    /** The current report of a research, if it has one. */
    Optional<ResearchReport> report(UUID researchId);

    /**
     * Appends a line to the log of an existing research, numbered one above the last line of that research
     * (1 for the first). Not idempotent. Call inside a transaction: the adapter may read back what it
     * wrote on the same connection.
     *
     * @return the line as stored, with its sequence
     */
    ResearchLog appendLog(ResearchLog line);

    /** At most {@code limit} log lines of a research with a sequence above {@code afterSequence}, oldest first. */
    List<ResearchLog> logs(UUID researchId, long afterSequence, int limit);
}
