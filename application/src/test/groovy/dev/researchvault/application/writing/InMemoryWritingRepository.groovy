package dev.researchvault.application.writing

import dev.researchvault.application.support.NewestFirstSlices
import dev.researchvault.application.vault.OneVault
import dev.researchvault.domain.ConflictException
import dev.researchvault.domain.Page
import dev.researchvault.domain.PageCursor
import dev.researchvault.domain.PageRequest
import dev.researchvault.domain.writing.Draft
import dev.researchvault.domain.writing.DraftReference
import dev.researchvault.domain.writing.DraftVersion
import dev.researchvault.domain.writing.WritingRepository
import dev.researchvault.domain.writing.WritingSession

/** {@link WritingRepository} in memory: the fake behind service specs and the reference of the contract spec. */
class InMemoryWritingRepository implements WritingRepository {

    /** Every call needs a bound vault, as in the SQLite adapter. */
    protected final OneVault vault = new OneVault()
    protected final Map<UUID, WritingSession> sessions = new LinkedHashMap<>()
    /** Every version of every draft, by draft id then version number. */
    protected final Map<UUID, TreeMap<Integer, Draft>> drafts = new LinkedHashMap<>()
    protected final List<DraftReference> referenceList = []
    /** Order of addition (SQLite's rowid), per session and per draft, never reused. */
    protected final Map<UUID, Long> sequences = [:]
    protected long lastAdded
    protected final NewestFirstSlices<WritingSession> sessionsFirst =
            new NewestFirstSlices<>(PageCursor.Listing.WRITING_SESSIONS, { it.updatedAt() }, { sequences[it.id()] })
    protected final NewestFirstSlices<Draft> draftsFirst =
            new NewestFirstSlices<>(PageCursor.Listing.DRAFTS, { it.updatedAt() }, { sequences[it.id()] })

    @Override
    synchronized void addSession(WritingSession session) {
        vault.enter()
        assert !sessions.containsKey(session.id())
        sessions.put(session.id(), session)
        sequences[session.id()] = ++lastAdded
    }

    @Override
    synchronized void updateSession(WritingSession session) {
        vault.enter()
        if (sessions.containsKey(session.id())) {
            sessions.put(session.id(), session)
        }
    }

    @Override
    synchronized Optional<WritingSession> findSession(UUID id) {
        vault.enter()
        Optional.ofNullable(sessions.get(id))
    }

    @Override
    synchronized Page<WritingSession> listSessions(PageRequest page) {
        vault.enter()
        sessionsFirst.slice(sessions.values(), page)
    }

    @Override
    synchronized boolean deleteSession(UUID id) {
        vault.enter()
        boolean existed = sessions.remove(id) != null
        drafts.values().findAll { it.lastEntry().value.sessionId() == id }*.lastEntry()*.value*.id()
                .each { removeDraft(it) }
        existed
    }

    @Override
    synchronized void unlinkChat(UUID chatId) {
        vault.enter()
        sessions.values().findAll { it.chatId() == chatId }.each { WritingSession s ->
            sessions.put(s.id(), new WritingSession(s.id(), s.title(), null, s.createdAt(), s.updatedAt()))
        }
    }

    @Override
    synchronized void addDraft(Draft draft) {
        vault.enter()
        assert draft.version() == 1 && !drafts.containsKey(draft.id())
        drafts.put(draft.id(), new TreeMap<>([(1): draft]))
        sequences[draft.id()] = ++lastAdded
    }

    @Override
    synchronized void addVersion(Draft revised) {
        vault.enter()
        TreeMap<Integer, Draft> versions = drafts.get(revised.id())
        if (versions.containsKey(revised.version())) {
            throw new ConflictException(Draft.VERSION_CONFLICT, 'the draft has been saved meanwhile')
        }
        versions.put(revised.version(), revised)
    }

    @Override
    synchronized Optional<Draft> findDraft(UUID id) {
        vault.enter()
        Optional.ofNullable(drafts.get(id)?.lastEntry()?.value)
    }

    @Override
    synchronized Optional<Draft> findVersion(UUID draftId, int version) {
        vault.enter()
        Optional.ofNullable(drafts.get(draftId)?.get(version))
    }

    @Override
    synchronized Page<Draft> listDrafts(UUID sessionId, PageRequest page) {
        vault.enter()
        draftsFirst.slice(drafts.values()*.lastEntry()*.value.findAll { it.sessionId() == sessionId }, page)
    }

    @Override
    synchronized Page<DraftVersion> versions(UUID draftId, PageRequest page) {
        vault.enter()
        List<Draft> newestFirst = (drafts.get(draftId)?.descendingMap()?.values() ?: []) as List<Draft>
        List<DraftVersion> items = newestFirst.drop((int) page.offset()).take(page.size()).collect {
            new DraftVersion(it.id(), it.version(), it.title(), it.content().length(), it.updatedAt())
        }
        Page.of(items, page, newestFirst.size())
    }

    @Override
    synchronized boolean deleteDraft(UUID id) {
        vault.enter()
        removeDraft(id)
    }

    protected boolean removeDraft(UUID id) {
        referenceList.removeIf { it.draftId() == id }
        sequences.remove(id)
        drafts.remove(id) != null
    }

    @Override
    synchronized void addReference(DraftReference reference) {
        vault.enter()
        referenceList << reference
    }

    @Override
    synchronized List<DraftReference> references(UUID draftId) {
        vault.enter()
        // Stable sort: references of equal position (or none) stay in the order added.
        referenceList.findAll { it.draftId() == draftId }.sort(false) { DraftReference a, DraftReference b ->
            (a.position() == null) <=> (b.position() == null) ?: (a.position() ?: 0) <=> (b.position() ?: 0)
        }
    }

    @Override
    synchronized int countReferences(UUID draftId) {
        vault.enter()
        referenceList.count { it.draftId() == draftId } as int
    }

    @Override
    synchronized boolean deleteReference(UUID draftId, UUID referenceId) {
        vault.enter()
        referenceList.removeIf { it.draftId() == draftId && it.id() == referenceId }
    }

    @Override
    synchronized void unlinkDocument(UUID documentId) {
        vault.enter()
        referenceList.replaceAll { it.documentId() == documentId ? it.withoutDocument() : it }
    }

    @Override
    synchronized void unlinkResearch(UUID researchId) {
        vault.enter()
        referenceList.replaceAll { it.researchId() == researchId ? it.withoutResearch() : it }
    }
}
