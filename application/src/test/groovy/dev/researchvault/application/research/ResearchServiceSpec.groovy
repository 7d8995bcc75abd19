package dev.researchvault.application.research

import dev.researchvault.application.account.LoginThrottleSpec.MutableClock
import dev.researchvault.application.account.Session
import dev.researchvault.application.chat.InMemoryChatRepository
import dev.researchvault.application.support.CursorWalk
import dev.researchvault.application.support.RecordingChangeFeed
import dev.researchvault.application.support.TestSessions
import dev.researchvault.application.vault.InMemoryVaultScope
import dev.researchvault.application.vault.RecordingVaultScope
import dev.researchvault.application.vault.VaultPerUser
import dev.researchvault.application.writing.WritingVaults
import dev.researchvault.domain.ConflictException
import dev.researchvault.domain.NotFoundException
import dev.researchvault.domain.PageCursor
import dev.researchvault.domain.PageRequest
import dev.researchvault.domain.RuleViolationException
import dev.researchvault.domain.chat.ChatRepository
import dev.researchvault.domain.research.Research
import dev.researchvault.domain.research.ResearchFilter
import dev.researchvault.domain.research.ResearchRepository
import dev.researchvault.domain.research.ResearchStatus
import dev.researchvault.domain.writing.WritingRepository
import spock.lang.Specification

import java.time.Duration
import java.time.Instant
import java.time.temporal.ChronoUnit

import static dev.researchvault.domain.research.ResearchStatus.CANCELLED
import static dev.researchvault.domain.research.ResearchStatus.COMPLETED
import static dev.researchvault.domain.research.ResearchStatus.FAILED
import static dev.researchvault.domain.research.ResearchStatus.IN_PROGRESS
import static dev.researchvault.domain.research.ResearchStatus.PENDING
import static dev.researchvault.domain.research.ResearchStatus.SUSPENDED

/** Research tasks of the caller: their life cycle, their changes all or none, their lists, in the caller's vault. */
class ResearchServiceSpec extends Specification {

    /** The moves ResearchStatus documents, and no others. */
    static final List<List<ResearchStatus>> ALLOWED_MOVES = [
            [PENDING, IN_PROGRESS], [PENDING, CANCELLED],
            [IN_PROGRESS, SUSPENDED], [IN_PROGRESS, COMPLETED], [IN_PROGRESS, FAILED], [IN_PROGRESS, CANCELLED],
            [SUSPENDED, IN_PROGRESS],
    ]

    /** The use cases that take the id of a research, called with arguments they would accept. */
    static final Map<String, Closure<?>> OPERATIONS = [
            get   : { ResearchService s, Session who, UUID id -> s.get(who, id) },
            update: { ResearchService s, Session who, UUID id -> s.update(who, id, new UpdateResearchCommand(IN_PROGRESS, 5, 't', [:])) },
            delete: { ResearchService s, Session who, UUID id -> s.delete(who, id) },
    ]

    /** Sub-millisecond digits: the service stores what the vault keeps, milliseconds. */
    static final Instant T0 = Instant.parse('2026-03-01T09:00:00.123456789Z')

    MutableClock clock = new MutableClock(T0)
    RecordingVaultScope scope = new RecordingVaultScope()
    RecordingChangeFeed events = new RecordingChangeFeed()
    /** One repository for everyone, as in production; the bound vault decides whose rows it touches. */
    ResearchRepository repository = ResearchVaults.perUser()
    ChatRepository chats = VaultPerUser.of(ChatRepository) { new InMemoryChatRepository() }
    WritingRepository writing = WritingVaults.perUser()
    ResearchService service = new ResearchService(scope.vaultWork(), repository, chats, writing, events, clock)
    Session alice = TestSessions.of('alice')
    Session bob = TestSessions.of('bob')

    Research start(String query = 'why is the sky blue', Session who = alice) {
        service.start(who, new StartResearchCommand(query, 'deep'))
    }

    /** What alice's vault holds, read past the service. */
    Optional<Research> stored(UUID id) {
        InMemoryVaultScope.bind(alice.userId()) { repository.find(id) }
    }

    long storedCount() {
        InMemoryVaultScope.bind(alice.userId()) { repository.list(ResearchFilter.all(), PageRequest.first()).total() }
    }

    Research move(UUID id, ResearchStatus status) {
        service.update(alice, id, new UpdateResearchCommand(status, null, null, null))
    }

    /** A research of alice's brought to {@code status} by allowed moves only. */
    Research researchIn(ResearchStatus status) {
        Research research = start()
        List<ResearchStatus> path = switch (status) {
            case PENDING -> []
            case IN_PROGRESS -> [IN_PROGRESS]
            default -> [IN_PROGRESS, status] // SUSPENDED and the three end states
        }
        path.inject(research) { Research current, ResearchStatus next -> move(current.id(), next) }
    }

    static Map<String, Object> nested(int depth) {
        depth == 1 ? [leaf: 'x'] : [inner: nested(depth - 1)]
    }

    def 'a started research is pending at 0 %, stamped at the millisecond, and stored as answered'() {
        when:
        Research started = start()

        then:
        with(started) {
            status() == PENDING
            progress() == 0
            query() == 'why is the sky blue'
            mode() == 'deep'
            title() == null
            metadata() == [:]
            createdAt() == T0.truncatedTo(ChronoUnit.MILLIS)
            startedAt() == null
            completedAt() == null
        }
        stored(started.id()).get() == started
        service.get(alice, started.id()) == started
    }

    def 'a query or mode the domain refuses is a 400 with its code, and nothing is stored'() {
        when:
        service.start(alice, new StartResearchCommand(query, mode))

        then:
        def refused = thrown(RuleViolationException)
        refused.code() == code
        storedCount() == 0

        where:
        query                               | mode        || code
        null                                | 'deep'      || 'research.invalid-query'
        '   '                               | 'deep'      || 'research.invalid-query'
        'x' * (Research.MAX_QUERY_LENGTH + 1) | 'deep'    || 'research.invalid-query'
        'fine'                              | null        || 'research.invalid-mode'
        'fine'                              | 'Deep'      || 'research.invalid-mode'
        'fine'                              | ''          || 'research.invalid-mode'
        'fine'                              | 'a' * 33    || 'research.invalid-mode'
        'fine'                              | 'thorough'  || 'research.invalid-mode'
    }

    def "for a research the caller does not have (#whose), #operation is 404 research.not-found, and nothing changes"() {
        given:
        Research hers = start()
        Research his = start('his own', bob)
        Session caller = whose == 'an unknown id' ? alice : bob
        UUID target = whose == 'an unknown id' ? UUID.randomUUID() : hers.id()

        when:
        OPERATIONS[operation](service, caller, target)

        then:
        def missing = thrown(NotFoundException)
        missing.code() == 'research.not-found'
        stored(hers.id()).get() == hers
        storedCount() == 1
        service.list(bob, ResearchFilter.all(), PageRequest.first()).items() == [his]

        where:
        [operation, whose] << [OPERATIONS.keySet(), ['an unknown id', "alice's research asked for by bob"]].combinations()
    }

    def 'the documented moves are allowed: #from to #to'() {
        given:
        Research before = researchIn(from)

        when:
        Research moved = move(before.id(), to)

        then:
        moved.status() == to
        stored(before.id()).get() == moved

        where:
        [from, to] << ALLOWED_MOVES
    }

    def 'every other move is refused with 409, and the stored research stays as it was: #from to #to'() {
        given:
        Research before = researchIn(from)

        when:
        move(before.id(), to)

        then:
        def refused = thrown(ConflictException)
        refused.code() == 'research.illegal-status-change'
        stored(before.id()).get() == before

        where:
        [from, to] << [ResearchStatus.values().toList(), ResearchStatus.values().toList()].combinations()
                .findAll { from, to -> from != to && !ALLOWED_MOVES.contains([from, to]) }
    }

    def 'setting the current status again changes nothing, not even a time: #status'() {
        given:
        Research before = researchIn(status)
        clock.advance(Duration.ofMinutes(5))

        expect:
        move(before.id(), status) == before
        stored(before.id()).get() == before

        where:
        status << ResearchStatus.values().toList()
    }

    def 'the times follow the moves: started once, kept across a suspension, completed at the end'() {
        given:
        Research research = start()
        Instant ms = T0.truncatedTo(ChronoUnit.MILLIS)

        when:
        clock.advance(Duration.ofSeconds(10))
        Research running = move(research.id(), IN_PROGRESS)
        clock.advance(Duration.ofSeconds(20))
        Research suspended = move(research.id(), SUSPENDED)
        clock.advance(Duration.ofSeconds(30))
        Research resumed = move(research.id(), IN_PROGRESS)
        clock.advance(Duration.ofSeconds(40))
        Research done = move(research.id(), end)

        then:
        running.startedAt() == ms.plusSeconds(10)
        [suspended, resumed, done]*.startedAt().every { it == ms.plusSeconds(10) }
        [running, suspended, resumed]*.completedAt().every { it == null }
        done.completedAt() == ms.plusSeconds(100)
        done.durationSeconds() == 90
        [running, suspended, resumed, done]*.createdAt().every { it == ms }
        stored(research.id()).get() == done

        where:
        end << [COMPLETED, FAILED, CANCELLED]
    }

    def 'progress, title and metadata change alone or together; a part left null stays as it was'() {
        given:
        Research research = researchIn(IN_PROGRESS)

        when:
        Research first = service.update(alice, research.id(), new UpdateResearchCommand(null, 40, null, null))
        Research second = service.update(alice, research.id(), new UpdateResearchCommand(null, null, 'Sky', [k: [1, 2]]))
        Research third = service.update(alice, research.id(), new UpdateResearchCommand(COMPLETED, 100, '', [:]))

        then:
        [first.progress(), first.title(), first.metadata()] == [40, null, [:]]
        [second.progress(), second.title(), second.metadata()] == [40, 'Sky', [k: [1, 2]]]
        [third.status(), third.progress(), third.title(), third.metadata()] == [COMPLETED, 100, '', [:]]
        stored(research.id()).get() == third
    }

    def 'progress may be 0 to 100 and metadata nest 32 levels, the limits included'() {
        given:
        Research research = start()

        expect:
        service.update(alice, research.id(), new UpdateResearchCommand(null, 0, null, null)).progress() == 0
        service.update(alice, research.id(), new UpdateResearchCommand(null, 100, null, null)).progress() == 100
        service.update(alice, research.id(), new UpdateResearchCommand(null, null, 't' * Research.MAX_TITLE_LENGTH, null))
                .title().length() == Research.MAX_TITLE_LENGTH
        stored(research.id()).get().metadata() == [:]
        service.update(alice, research.id(), new UpdateResearchCommand(null, null, null, nested(32))).metadata() == nested(32)
    }

    def 'a change refused for any one of its parts stores none of them (#code)'() {
        given:
        Research before = researchIn(IN_PROGRESS)

        when:
        service.update(alice, before.id(), command)

        then:
        def refused = thrown(exception)
        refused.code() == code
        stored(before.id()).get() == before

        where:
        command                                                                        || exception               | code
        new UpdateResearchCommand(COMPLETED, 101, 'done', [a: 1])                      || RuleViolationException  | 'research.invalid-progress'
        new UpdateResearchCommand(null, -1, null, null)                                || RuleViolationException  | 'research.invalid-progress'
        new UpdateResearchCommand(PENDING, 50, 'back', [a: 1])                         || ConflictException       | 'research.illegal-status-change'
        new UpdateResearchCommand(SUSPENDED, 50, 't' * (Research.MAX_TITLE_LENGTH + 1), null) || RuleViolationException | 'research.invalid-title'
        new UpdateResearchCommand(FAILED, 50, 'deep', nested(33))                      || RuleViolationException  | 'research.metadata-too-deep'
    }

    def 'a change refused in several parts names each, keeps the first refusal as its answer, and stores none'() {
        given:
        Research before = researchIn(IN_PROGRESS)

        when:
        service.update(alice, before.id(), new UpdateResearchCommand(COMPLETED, 101, 't' * (Research.MAX_TITLE_LENGTH + 1), nested(33)))

        then:
        def refused = thrown(RuleViolationException)
        refused.code() == 'research.invalid-progress'
        refused.fieldErrors()*.field() == ['progress', 'title', 'metadata']
        refused.fieldErrors()*.code() == ['research.invalid-progress', 'research.invalid-title', 'research.metadata-too-deep']
        stored(before.id()).get() == before
    }

    def 'several refused parts of a new research are named at once'() {
        when:
        service.start(alice, new StartResearchCommand('', 'slow', null))

        then:
        def refused = thrown(RuleViolationException)
        refused.code() == 'research.invalid-query'
        refused.fieldErrors()*.field() == ['query', 'mode']
    }

    def 'a deleted research is gone, and deleting it again is 404'() {
        given:
        Research doomed = start('doomed')
        Research kept = start('kept')

        when:
        service.delete(alice, doomed.id())

        then:
        stored(doomed.id()).isEmpty()
        stored(kept.id()).get() == kept

        when:
        service.delete(alice, doomed.id())

        then:
        thrown(NotFoundException)
        storedCount() == 1
    }

    def 'the list filters by status and by text in the query or the title, newest first'() {
        given:
        Research sky = start('Why is the SKY blue')
        clock.advance(Duration.ofSeconds(1))
        Research sea = researchIn(IN_PROGRESS)
        service.update(alice, sea.id(), new UpdateResearchCommand(null, null, 'The sea and the sky', null))
        clock.advance(Duration.ofSeconds(1))
        Research grass = start('why is grass green')

        expect:
        ids(ResearchFilter.all()) == [grass, sea, sky]*.id()
        ids(new ResearchFilter(PENDING, null)) == [grass, sky]*.id()
        ids(new ResearchFilter(null, 'sky')) == [sea, sky]*.id()
        ids(new ResearchFilter(PENDING, 'sky')) == [sky]*.id()
        ids(new ResearchFilter(COMPLETED, null)) == []
    }

    List<UUID> ids(ResearchFilter filter) {
        service.list(alice, filter, PageRequest.first()).items()*.id()
    }

    def 'the list pages by number with the total, and by cursor from first to last without a gap or a repeat'() {
        given:
        List<Research> newestFirst = (1..7).collect {
            clock.advance(Duration.ofMillis(it % 2)) // some share a millisecond: the tie-break must hold too
            start("query $it")
        }.reverse()

        when:
        def second = service.list(alice, ResearchFilter.all(), new PageRequest(1, 3))
        def walked = CursorWalk.items(3) { PageRequest page -> service.list(alice, ResearchFilter.all(), page) }

        then:
        second.items()*.id() == newestFirst[3..5]*.id()
        second.total() == 7
        walked*.id() == newestFirst*.id()
    }

    def 'a cursor another list issued is 400 page.invalid-cursor'() {
        given:
        start()
        def chatsCursor = new PageCursor(PageCursor.Listing.CHATS, T0, 1)

        when:
        service.list(alice, ResearchFilter.all(), PageRequest.after(chatsCursor, 5))

        then:
        def refused = thrown(RuleViolationException)
        refused.code() == PageCursor.INVALID
    }

    def "every use case runs in the caller's vault, opened with the caller's key, and writes in a transaction"() {
        when: 'the repository refuses any write made outside a transaction'
        Research research = start()
        service.get(alice, research.id())
        service.list(alice, ResearchFilter.all(), PageRequest.first())
        move(research.id(), IN_PROGRESS)
        service.delete(alice, research.id())

        then:
        scope.bindings.size() == 5
        scope.onlyBound(alice)
    }

    def 'every committed change is announced to its owner after its transaction; a refused one is not'() {
        when:
        def research = start()
        move(research.id(), IN_PROGRESS)
        service.update(alice, research.id(), new UpdateResearchCommand(null, 40, 'halfway', null))
        service.delete(alice, research.id())

        then:
        events.types() == ['research.updated', 'research.updated', 'research.updated', 'research.deleted']
        events.published.every { it.user == alice.userId() && !it.insideTransaction && it.event.subject() == research.id() }
        events.published[2].event.data() == [id: research.id().toString(), status: 'in_progress', progress: 40,
                                             title: 'halfway']

        when: 'one move commits; then a move the domain forbids, the id of another user, an unknown id'
        def other = start()
        events.published.clear()
        move(other.id(), IN_PROGRESS)
        try { move(other.id(), PENDING) } catch (ConflictException ignored) { }
        try { service.update(bob, other.id(), new UpdateResearchCommand(null, 1, null, null)) } catch (NotFoundException ignored) { }
        try { service.delete(alice, UUID.randomUUID()) } catch (NotFoundException ignored) { }

        then: 'only the one move that committed'
        events.types() == ['research.updated']
    }
}
