package dev.researchvault.adapter.persistence.writing;

import dev.researchvault.adapter.persistence.sql.ListFilter;
import dev.researchvault.adapter.persistence.sql.NewestFirstList;
import dev.researchvault.adapter.persistence.sql.SqlTimes;
import dev.researchvault.adapter.persistence.sql.StoredIds;
import dev.researchvault.adapter.persistence.vault.SqliteErrors;
import dev.researchvault.adapter.persistence.writing.WritingRows.DraftRow;
import dev.researchvault.adapter.persistence.writing.WritingRows.ReferenceRow;
import dev.researchvault.adapter.persistence.writing.WritingRows.SessionRow;
import dev.researchvault.adapter.persistence.writing.WritingRows.VersionRow;
import dev.researchvault.domain.ConflictException;
import dev.researchvault.domain.Page;
import dev.researchvault.domain.PageCursor;
import dev.researchvault.domain.PageRequest;
import dev.researchvault.domain.writing.Draft;
import dev.researchvault.domain.writing.DraftReference;
import dev.researchvault.domain.writing.DraftVersion;
import dev.researchvault.domain.writing.WritingRepository;
import dev.researchvault.domain.writing.WritingSession;
import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.data.exceptions.DataAccessException;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * {@link WritingRepository} in the bound user's {@code vault.db}, through Micronaut Data JDBC. A save of a draft
 * inserts one {@code draft_version} row and moves the {@code draft} row's latest version number on: it neither
 * reads nor rewrites earlier versions, so version 1,001 costs what version 2 costs (docs/writing.md).
 */
@Singleton
final class JdbcWritingRepository implements WritingRepository {

    /** Sessions, latest updated first, by {@code idx_writing_session_updated_at}. */
    static final NewestFirstList.Shape SESSIONS = new NewestFirstList.Shape(PageCursor.Listing.WRITING_SESSIONS,
            "writing_session", "rowid", "updated_at", "id, title, chat_id, created_at, updated_at");

    /** The drafts of a session at their latest versions, latest saved first, by {@code idx_draft_session_id_updated_at}. */
    static final NewestFirstList.Shape DRAFTS = new NewestFirstList.Shape(PageCursor.Listing.DRAFTS,
            "draft d JOIN draft_version v ON v.draft_id = d.id AND v.version = d.version", "d.rowid", "d.updated_at",
            "d.id, d.session_id, v.title, v.version, v.content, d.created_at, d.updated_at");

    private final WritingRows rows;
    private final NewestFirstList<SessionRow> sessions;
    private final NewestFirstList<DraftRow> drafts;

    JdbcWritingRepository(WritingRows rows, @Named("default") ConnectionOperations<Connection> connections) {
        this.rows = rows;
        this.sessions = new NewestFirstList<>(connections, SESSIONS, SessionRow::read);
        this.drafts = new NewestFirstList<>(connections, DRAFTS, DraftRow::read);
    }

    @Override
    public void addSession(WritingSession session) {
        rows.save(toRow(session));
    }

    @Override
    public void updateSession(WritingSession session) {
        rows.update(toRow(session));
    }

    @Override
    public Optional<WritingSession> findSession(UUID id) {
        return rows.findById(id.toString()).map(JdbcWritingRepository::toSession);
    }

    @Override
    public Page<WritingSession> listSessions(PageRequest page) {
        return sessions.page(page).map(JdbcWritingRepository::toSession);
    }

    @Override
    public boolean deleteSession(UUID id) {
        // The foreign keys cascade to drafts, and from them to versions and references.
        return rows.deleteById(id.toString()) > 0;
    }

    @Override
    public void unlinkChat(UUID chatId) {
        rows.unlinkChat(chatId.toString());
    }

    @Override
    public void addDraft(Draft draft) {
        if (draft.version() != 1) {
            throw new IllegalArgumentException("a new draft is its version 1");
        }
        rows.insertDraft(draft.id().toString(), draft.sessionId().toString(), draft.title(), 1,
                SqlTimes.format(draft.createdAt()), SqlTimes.format(draft.updatedAt()));
        insertVersion(draft);
    }

    @Override
    public void addVersion(Draft revised) {
        // The version first: its primary key refuses a number taken by a concurrent save of the same base.
        insertVersion(revised);
        rows.moveDraft(revised.id().toString(), revised.title(), revised.version(),
                SqlTimes.format(revised.updatedAt()));
    }

    private void insertVersion(Draft draft) {
        try {
            rows.insertVersion(draft.id().toString(), draft.version(), draft.title(), draft.content(),
                    draft.content().length(), SqlTimes.format(draft.updatedAt()));
        } catch (DataAccessException failure) {
            if (SqliteErrors.isUniqueViolation(failure, "draft_version.draft_id")) {
                throw new ConflictException(Draft.VERSION_CONFLICT, "the draft has been saved meanwhile");
            }
            throw failure;
        }
    }

    @Override
    public Optional<Draft> findDraft(UUID id) {
        return rows.latest(id.toString()).map(JdbcWritingRepository::toDraft);
    }

    @Override
    public Optional<Draft> findVersion(UUID draftId, int version) {
        return rows.atVersion(draftId.toString(), version).map(JdbcWritingRepository::toDraft);
    }

    @Override
    public Page<Draft> listDrafts(UUID sessionId, PageRequest page) {
        return drafts.page(page, ListFilter.equal("d.session_id", sessionId.toString()))
                .map(JdbcWritingRepository::toDraft);
    }

    @Override
    public Page<DraftVersion> versions(UUID draftId, PageRequest page) {
        String id = draftId.toString();
        int latest = rows.latest(id).map(DraftRow::version).orElse(0);
        List<DraftVersion> items = rows.versionsFrom(id, latest - page.offset(), page.size()).stream()
                .map(JdbcWritingRepository::toVersion).toList();
        return Page.of(items, page, latest);
    }

    @Override
    public boolean deleteDraft(UUID id) {
        return rows.deleteDraft(id.toString()) > 0;
    }

    @Override
    public void addReference(DraftReference reference) {
        rows.insertReference(reference.id().toString(), reference.draftId().toString(), reference.citation(),
                StoredIds.text(reference.documentId()), StoredIds.text(reference.researchId()),
                StoredIds.text(reference.resourceId()), reference.url(), reference.position(),
                SqlTimes.format(reference.createdAt()));
    }

    @Override
    public List<DraftReference> references(UUID draftId) {
        return rows.references(draftId.toString()).stream().map(JdbcWritingRepository::toReference).toList();
    }

    @Override
    public int countReferences(UUID draftId) {
        return rows.countReferences(draftId.toString());
    }

    @Override
    public boolean deleteReference(UUID draftId, UUID referenceId) {
        return rows.deleteReference(draftId.toString(), referenceId.toString()) > 0;
    }

    @Override
    public void unlinkDocument(UUID documentId) {
        rows.unlinkDocument(documentId.toString());
    }

    @Override
    public void unlinkResearch(UUID researchId) {
        rows.unlinkResearch(researchId.toString());
    }

    private static SessionRow toRow(WritingSession session) {
        return new SessionRow(session.id().toString(), session.title(), StoredIds.text(session.chatId()),
                SqlTimes.format(session.createdAt()), SqlTimes.format(session.updatedAt()));
    }

    private static WritingSession toSession(SessionRow row) {
        return new WritingSession(UUID.fromString(row.id()), row.title(), StoredIds.id(row.chatId()),
                SqlTimes.parse(row.createdAt()), SqlTimes.parse(row.updatedAt()));
    }

    private static Draft toDraft(DraftRow row) {
        return new Draft(UUID.fromString(row.id()), UUID.fromString(row.sessionId()), row.title(), row.version(),
                row.content(), SqlTimes.parse(row.createdAt()), SqlTimes.parse(row.updatedAt()));
    }

    private static DraftVersion toVersion(VersionRow row) {
        return new DraftVersion(UUID.fromString(row.draftId()), row.version(), row.title(), row.length(),
                SqlTimes.parse(row.createdAt()));
    }

    /**
     * A resource belongs to its research: when the foreign key's backstop cleared {@code research_id} (a research
     * deleted without {@link #unlinkResearch}), the resource it named is gone too, so it reads as unlinked.
     */
    private static DraftReference toReference(ReferenceRow row) {
        UUID researchId = StoredIds.id(row.researchId());
        return new DraftReference(UUID.fromString(row.id()), UUID.fromString(row.draftId()), row.citation(),
                StoredIds.id(row.documentId()), researchId, researchId == null ? null : StoredIds.id(row.resourceId()),
                row.url(), row.position(), SqlTimes.parse(row.createdAt()));
    }
}
