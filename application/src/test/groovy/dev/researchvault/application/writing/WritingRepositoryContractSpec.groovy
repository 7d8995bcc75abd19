package dev.researchvault.application.writing

import dev.researchvault.application.support.CursorWalk
import dev.researchvault.application.vault.InMemoryVaultScope
import dev.researchvault.domain.ConflictException
import dev.researchvault.domain.PageRequest
import dev.researchvault.domain.vault.NoVaultBoundException
import dev.researchvault.domain.writing.Draft
import dev.researchvault.domain.writing.DraftReference
import dev.researchvault.domain.writing.WritingRepository
import dev.researchvault.domain.writing.WritingSession
import spock.lang.Specification

import java.time.Instant

/**
 * What every {@link WritingRepository} must do. A concrete subclass per adapter provides the repository, a bound
 * vault around each call ({@link #inVault}), and the chats and research its rows may link to.
 */
abstract class WritingRepositoryContractSpec extends Specification {

    static final Instant T0 = Instant.parse('2026-05-01T10:00:00.123Z')

    /** A fresh, empty repository for each feature. */
    abstract WritingRepository repository()

    /** Runs {@code work} where the repository can reach its storage; in one transaction for SQL adapters. */
    def <T> T inVault(Closure<T> work) {
        InMemoryVaultScope.bind(InMemoryVaultScope.SOMEONE, work)
    }

    /** The id of a chat a session may link to (SQL: a stored chat, for the foreign key). */
    UUID storedChat() {
        UUID.randomUUID()
    }

    /** The id of a research a reference may link to (SQL: a stored research, for the foreign key). */
    UUID storedResearch() {
        UUID.randomUUID()
    }

    WritingRepository repo

    def setup() {
        repo = repository()
    }

    WritingSession session(String title = 'Essay', Instant at = T0, UUID chatId = null) {
        WritingSession created = WritingSession.create(UUID.randomUUID(), title, chatId, at)
        inVault { repo.addSession(created) }
        created
    }

    Draft draft(WritingSession of, String content = 'first words', Instant at = T0) {
        Draft created = Draft.create(UUID.randomUUID(), of.id(), 'Chapter 1', content, at)
        inVault { repo.addDraft(created) }
        created
    }

    DraftReference reference(Draft of, Map fields = [:]) {
        DraftReference cited = new DraftReference(UUID.randomUUID(), of.id(), fields.citation ?: 'Doe 2020',
                fields.documentId as UUID, fields.researchId as UUID, fields.resourceId as UUID, fields.url as String,
                fields.position as Integer, T0)
        inVault { repo.addReference(cited) }
        cited
    }

    def "a session reads back as stored, changes, and lists latest updated first"() {
        given:
        UUID chat = storedChat()
        WritingSession older = session('Older', T0, chat)
        WritingSession newer = session('Newer', T0.plusSeconds(1))

        when:
        WritingSession renamed = older.change('Renamed', null, T0.plusSeconds(2))
        inVault { repo.updateSession(renamed) }

        then:
        inVault { repo.findSession(older.id()) }.get() == renamed
        renamed.chatId() == chat
        inVault { repo.listSessions(PageRequest.first()) }.items() == [renamed, newer]
        inVault { repo.listSessions(PageRequest.first()) }.total() == 2
        inVault { repo.findSession(UUID.randomUUID()) }.isEmpty()
    }

    def "sessions walk by cursor, each once, also within one millisecond"() {
        given:
        List<WritingSession> all = (1..7).collect { session("s$it", T0) }

        expect:
        CursorWalk.items(3) { page -> inVault { repo.listSessions(page) } } == all.reverse()
    }

    def "unlinking a chat clears the link of its sessions only"() {
        given:
        UUID chat = storedChat()
        WritingSession linked = session('linked', T0, chat)
        WritingSession other = session('other', T0, storedChat())

        when:
        inVault { repo.unlinkChat(chat) }

        then:
        inVault { repo.findSession(linked.id()) }.get().chatId() == null
        inVault { repo.findSession(other.id()) }.get().chatId() == other.chatId()
    }

    def "a new draft is version 1; a save adds a version and keeps every earlier one"() {
        given:
        Draft first = draft(session())

        when:
        Draft second = first.revise('second words', 'Chapter One', 1, T0.plusSeconds(5))
        inVault { repo.addVersion(second) }
        Draft third = second.revise('third words', null, 2, T0.plusSeconds(9))
        inVault { repo.addVersion(third) }

        then:
        inVault { repo.findDraft(first.id()) }.get() == third
        inVault { repo.findVersion(first.id(), 1) }.get() == first
        inVault { repo.findVersion(first.id(), 2) }.get() == second
        inVault { repo.findVersion(first.id(), 4) }.isEmpty()
        inVault { repo.findVersion(UUID.randomUUID(), 1) }.isEmpty()
        third.title() == 'Chapter One'
        third.createdAt() == T0
        third.updatedAt() == T0.plusSeconds(9)
    }

    def "a version number taken already is a version conflict, and nothing changes"() {
        given:
        Draft first = draft(session())
        Draft winner = first.revise('winner', null, 1, T0.plusSeconds(1))
        Draft loser = first.revise('loser', null, 1, T0.plusSeconds(2))
        inVault { repo.addVersion(winner) }

        when:
        inVault { repo.addVersion(loser) }

        then:
        def conflict = thrown(ConflictException)
        conflict.code() == Draft.VERSION_CONFLICT
        inVault { repo.findDraft(first.id()) }.get() == winner
    }

    def "versions list newest first without content, paged by number, total the number of versions"() {
        given:
        Draft draft = draft(session(), 'v1')
        Draft latest = draft
        (2..5).each { n ->
            latest = latest.revise('v' * n, null, n - 1, T0.plusSeconds(n))
            inVault { repo.addVersion(latest) }
        }

        when:
        def first = inVault { repo.versions(draft.id(), new PageRequest(0, 2)) }
        def last = inVault { repo.versions(draft.id(), new PageRequest(2, 2)) }

        then:
        first.total() == 5
        first.items()*.version() == [5, 4]
        first.items()*.length() == [5, 4]
        first.items()[0].savedAt() == T0.plusSeconds(5)
        last.items()*.version() == [1]
        inVault { repo.versions(draft.id(), new PageRequest(3, 2)) }.items().isEmpty()
        inVault { repo.versions(UUID.randomUUID(), PageRequest.first()) }.total() == 0
    }

    def "the drafts of a session list latest saved first, by page and by cursor"() {
        given:
        WritingSession mine = session()
        Draft a = draft(mine, 'a', T0)
        Draft b = draft(mine, 'b', T0.plusSeconds(1))
        Draft c = draft(mine, 'c', T0.plusSeconds(2))
        draft(session('other'), 'x', T0.plusSeconds(3))
        Draft aSaved = a.revise('a2', null, 1, T0.plusSeconds(4))
        inVault { repo.addVersion(aSaved) }

        expect:
        inVault { repo.listDrafts(mine.id(), PageRequest.first()) }.items() == [aSaved, c, b]
        inVault { repo.listDrafts(mine.id(), PageRequest.first()) }.total() == 3
        CursorWalk.items(2) { page -> inVault { repo.listDrafts(mine.id(), page) } } == [aSaved, c, b]
    }

    def "deleting a draft deletes its versions and references; deleting a session deletes its drafts"() {
        given:
        WritingSession mine = session()
        Draft one = draft(mine)
        inVault { repo.addVersion(one.revise('two', null, 1, T0.plusSeconds(1))) }
        reference(one)
        Draft other = draft(mine)
        reference(other)

        when:
        boolean deleted = inVault { repo.deleteDraft(one.id()) }

        then:
        deleted
        !inVault { repo.deleteDraft(one.id()) }
        inVault { repo.findDraft(one.id()) }.isEmpty()
        inVault { repo.findVersion(one.id(), 1) }.isEmpty()
        inVault { repo.references(one.id()) }.isEmpty()
        inVault { repo.references(other.id()) }.size() == 1

        when:
        boolean sessionDeleted = inVault { repo.deleteSession(mine.id()) }

        then:
        sessionDeleted
        !inVault { repo.deleteSession(mine.id()) }
        inVault { repo.findDraft(other.id()) }.isEmpty()
        inVault { repo.references(other.id()) }.isEmpty()
        inVault { repo.listSessions(PageRequest.first()) }.total() == 0
    }

    def "references read back by position, those without one last, then in the order added; one deletes"() {
        given:
        Draft d = draft(session())
        DraftReference noPosition = reference(d, [citation: 'none', url: 'https://example.org'])
        DraftReference second = reference(d, [citation: 'second', position: 20])
        DraftReference first = reference(d, [citation: 'first', position: 3])
        DraftReference alsoNone = reference(d, [citation: 'none too'])

        expect:
        inVault { repo.references(d.id()) } == [first, second, noPosition, alsoNone]
        inVault { repo.countReferences(d.id()) } == 4
        inVault { repo.deleteReference(d.id(), second.id()) }
        !inVault { repo.deleteReference(d.id(), second.id()) }
        !inVault { repo.deleteReference(UUID.randomUUID(), first.id()) }
        inVault { repo.references(d.id()) } == [first, noPosition, alsoNone]
    }

    def "unlinking a document or a research keeps the citation and clears only that link"() {
        given:
        Draft d = draft(session())
        UUID document = UUID.randomUUID()
        UUID research = storedResearch()
        UUID resource = UUID.randomUUID()
        DraftReference toDocument = reference(d, [citation: 'doc', documentId: document, researchId: research])
        DraftReference toResearch = reference(d, [citation: 'res', researchId: research, resourceId: resource])
        DraftReference unrelated = reference(d, [citation: 'other', documentId: UUID.randomUUID()])

        when:
        inVault { repo.unlinkDocument(document) }

        then:
        inVault { repo.references(d.id()) } == [toDocument.withoutDocument(), toResearch, unrelated]

        when:
        inVault { repo.unlinkResearch(research) }

        then:
        with(inVault { repo.references(d.id()) }) {
            it == [toDocument.withoutDocument().withoutResearch(), toResearch.withoutResearch(), unrelated]
            it*.citation() == ['doc', 'res', 'other']
            it[1].researchId() == null && it[1].resourceId() == null
        }
    }

    def "nothing is reached without a bound vault"() {
        when:
        repo.listSessions(PageRequest.first())

        then:
        thrown(NoVaultBoundException)
    }
}
