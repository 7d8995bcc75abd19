package dev.researchvault.application.writing

import dev.researchvault.application.document.InMemoryDocumentLibrary
import dev.researchvault.application.account.LoginThrottleSpec.MutableClock
import dev.researchvault.application.account.Session
import dev.researchvault.application.chat.InMemoryChatRepository
import dev.researchvault.application.research.ResearchService
import dev.researchvault.application.research.ResearchVaults
import dev.researchvault.application.research.StartResearchCommand
import dev.researchvault.application.support.Gates
import dev.researchvault.application.support.TestSessions
import dev.researchvault.application.vault.RecordingVaultScope
import dev.researchvault.application.vault.VaultPerUser
import dev.researchvault.application.vault.WritesInTransaction
import dev.researchvault.application.writing.EditDraftsUseCase.NewReference
import dev.researchvault.domain.ConflictException
import dev.researchvault.domain.LimitExceededException
import dev.researchvault.domain.NotFoundException
import dev.researchvault.domain.PageRequest
import dev.researchvault.domain.RuleViolationException
import dev.researchvault.domain.chat.Chat
import dev.researchvault.domain.chat.ChatRepository
import dev.researchvault.domain.research.ResearchRepository
import dev.researchvault.domain.writing.Draft
import dev.researchvault.domain.writing.DraftReference
import dev.researchvault.domain.writing.WritingRepository
import spock.lang.Specification

import java.time.Duration
import java.time.Instant
import java.util.concurrent.Callable
import java.util.concurrent.Executors
import java.util.concurrent.Future

/** The writing use cases on fakes: sessions, versioned drafts, references, and saves racing over one version. */
class DraftServiceSpec extends Specification {

    static final Instant T0 = Instant.parse('2026-06-01T08:00:00.123Z')

    MutableClock clock = new MutableClock(T0)
    RecordingVaultScope scope = new RecordingVaultScope()
    Gates gates = new Gates()
    WritingRepository writing = VaultPerUser.of(WritingRepository) {
        WritesInTransaction.of(WritingRepository, new GatedWritingRepository(gates), WritingVaults.WRITES)
    }
    ChatRepository chats = VaultPerUser.of(ChatRepository) { new InMemoryChatRepository() }
    ResearchRepository research = ResearchVaults.perUser()
    WritingSessionService sessions = new WritingSessionService(scope.vaultWork(), writing, chats, clock)
    InMemoryDocumentLibrary library = new InMemoryDocumentLibrary()
    DraftService drafts = new DraftService(scope.vaultWork(), writing, research, library.documents, clock)
    ResearchService researchService = new ResearchService(scope.vaultWork(), research, chats, writing,
            dev.researchvault.application.events.ChangeFeed.NONE, clock)
    Session alice = TestSessions.of('alice')
    Session bob = TestSessions.of('bob')

    UUID sessionOf(Session who) {
        sessions.create(who, 'Essay', null).id()
    }

    def "a draft starts at version 1; each save adds a version over the latest and keeps the earlier ones"() {
        given:
        Draft first = drafts.create(alice, sessionOf(alice), 'Intro', 'Once')

        when:
        clock.advance(Duration.ofSeconds(1))
        Draft second = drafts.save(alice, first.id(), 'Once upon', null, 1)
        Draft third = drafts.save(alice, first.id(), 'Once upon a time', 'Opening', 2)

        then:
        first.version() == 1
        second.version() == 2 && second.title() == 'Intro'
        third.version() == 3 && third.title() == 'Opening'
        drafts.get(alice, first.id()) == third
        drafts.version(alice, first.id(), 1) == first
        drafts.versions(alice, first.id(), PageRequest.first()).items()*.version() == [3, 2, 1]
        scope.onlyBound(alice)
    }

    def "a save over a version that is not the latest is refused and stores nothing"() {
        given:
        Draft first = drafts.create(alice, sessionOf(alice), 'Intro', 'Once')
        drafts.save(alice, first.id(), 'tab one', null, 1)

        when:
        drafts.save(alice, first.id(), 'tab two', null, 1)

        then:
        def conflict = thrown(ConflictException)
        conflict.code() == 'draft.version-conflict'
        drafts.get(alice, first.id()).content() == 'tab one'
        drafts.versions(alice, first.id(), PageRequest.first()).total() == 2
    }

    def "two tabs saving over the same version at once: exactly one wins, the other gets the conflict"() {
        given: 'the first tab has read version 1 and is held just before it stores version 2'
        Draft first = drafts.create(alice, sessionOf(alice), 'Intro', 'Once')
        def held = gates.arm(GatedWritingRepository.BEFORE_ADD_VERSION)
        def pool = Executors.newFixedThreadPool(1)
        Future<Draft> tabOne = pool.submit({ drafts.save(alice, first.id(), 'tab one', null, 1) } as Callable<Draft>)
        held.awaitReached()

        when: 'the second tab saves over version 1 meanwhile, then the first goes on'
        Draft tabTwo = drafts.save(alice, first.id(), 'tab two', null, 1)
        held.open()
        tabOne.get()

        then:
        def failure = thrown(java.util.concurrent.ExecutionException)
        failure.cause instanceof ConflictException
        (failure.cause as ConflictException).code() == 'draft.version-conflict'
        tabTwo.version() == 2
        drafts.get(alice, first.id()).content() == 'tab two'
        drafts.versions(alice, first.id(), PageRequest.first()).total() == 2

        cleanup:
        pool?.shutdownNow()
    }

    def "content and title have limits: too long a title is a 400, too large a content a 413"() {
        given:
        UUID session = sessionOf(alice)

        when:
        drafts.create(alice, session, 'x' * 501, 'ok')

        then:
        thrown(RuleViolationException)

        when:
        drafts.create(alice, session, 'ok', 'x' * (Draft.MAX_CONTENT_LENGTH + 1))

        then:
        def tooLarge = thrown(LimitExceededException)
        tooLarge.code() == 'draft.too-large'

        when:
        Draft d = drafts.create(alice, session, 'ok', '')
        drafts.save(alice, d.id(), 'x' * (Draft.MAX_CONTENT_LENGTH + 1), null, 1)

        then:
        thrown(LimitExceededException)
        drafts.get(alice, d.id()).version() == 1
    }

    def "another user's draft, session or reference is not found"() {
        given:
        Draft mine = drafts.create(alice, sessionOf(alice), 'Intro', 'Once')
        DraftReference cited = drafts.cite(alice, mine.id(), new NewReference('Doe 2020', null, null, null, null, null))

        expect:
        [{ drafts.get(bob, mine.id()) }, { drafts.save(bob, mine.id(), 'x', null, 1) },
         { drafts.versions(bob, mine.id(), PageRequest.first()) }, { drafts.version(bob, mine.id(), 1) },
         { drafts.delete(bob, mine.id()) }, { drafts.references(bob, mine.id()) },
         { drafts.removeReference(bob, mine.id(), cited.id()) },
         { drafts.create(bob, mine.sessionId(), 't', 'c') }, { sessions.get(bob, mine.sessionId()) }].every {
            try {
                it()
                false
            } catch (NotFoundException expected) {
                true
            }
        }
        drafts.get(alice, mine.id()) == mine
    }

    def "a reference to a research keeps its citation and loses its links when the research is deleted"() {
        given:
        Draft d = drafts.create(alice, sessionOf(alice), 'Intro', 'Once')
        UUID started = researchService.start(alice, new StartResearchCommand('why?', 'quick')).id()
        DraftReference cited = drafts.cite(alice, d.id(), new NewReference('Why, 2026', null, started,
                UUID.randomUUID(), 'https://example.org', 4))

        when:
        researchService.delete(alice, started)

        then:
        with(drafts.references(alice, d.id()).first()) {
            citation() == 'Why, 2026'
            researchId() == null
            resourceId() == null
            url() == cited.url()
        }
    }

    def "a reference to research the caller does not have is a 404, and a draft holds at most 1,000 references"() {
        given:
        Draft d = drafts.create(alice, sessionOf(alice), 'Intro', 'Once')

        when:
        drafts.cite(alice, d.id(), new NewReference('x', null, UUID.randomUUID(), null, null, null))

        then:
        thrown(NotFoundException)

        when: 'a document the caller does not have'
        drafts.cite(alice, d.id(), new NewReference('x', UUID.randomUUID(), null, null, null, null))

        then:
        def noDocument = thrown(NotFoundException)
        noDocument.code() == 'document.not-found'
        drafts.references(alice, d.id()).isEmpty()

        when:
        1000.times { drafts.cite(alice, d.id(), new NewReference("c$it", null, null, null, null, null)) }
        drafts.cite(alice, d.id(), new NewReference('one too many', null, null, null, null, null))

        then:
        def full = thrown(ConflictException)
        full.code() == 'draft.too-many-references'
    }

    def "a session started from a chat loses the link when the chat goes; an unknown chat is a 404"() {
        given:
        Chat chat = Chat.create(UUID.randomUUID(), 'talk', T0)
        scope.vaultWork().inTransaction(alice, { chats.add(chat) } as java.util.function.Supplier)

        when:
        def linked = sessions.create(alice, 'From talk', chat.id())
        sessions.create(alice, 'From nowhere', UUID.randomUUID())

        then:
        thrown(NotFoundException)
        linked.chatId() == chat.id()

        when:
        scope.vaultWork().inTransaction(alice, { writing.unlinkChat(chat.id()); null } as java.util.function.Supplier)

        then:
        sessions.get(alice, linked.id()).chatId() == null
    }

    def "deleting a session deletes its drafts"() {
        given:
        UUID session = sessionOf(alice)
        Draft d = drafts.create(alice, session, 'Intro', 'Once')

        when:
        sessions.delete(alice, session)
        drafts.get(alice, d.id())

        then:
        thrown(NotFoundException)
    }
}
