package dev.researchvault.application.research

import dev.researchvault.application.account.LoginThrottleSpec.MutableClock
import dev.researchvault.application.account.Session
import dev.researchvault.application.chat.InMemoryChatRepository
import dev.researchvault.application.research.RecordResearchWorkUseCase.NewResource
import dev.researchvault.application.support.RecordingChangeFeed
import dev.researchvault.application.support.TestSessions
import dev.researchvault.application.vault.InMemoryVaultScope
import dev.researchvault.application.vault.RecordingVaultScope
import dev.researchvault.application.vault.VaultPerUser
import dev.researchvault.application.writing.WritingVaults
import dev.researchvault.domain.NotFoundException
import dev.researchvault.domain.PageRequest
import dev.researchvault.domain.RuleViolationException
import dev.researchvault.domain.chat.ChatRepository
import dev.researchvault.domain.research.ResearchQuery
import dev.researchvault.domain.research.ResearchRepository
import dev.researchvault.domain.research.ResearchResource
import dev.researchvault.domain.writing.WritingRepository
import spock.lang.Specification

import java.time.Duration
import java.time.Instant
import java.time.temporal.ChronoUnit

/** What a running research records, for the caller's research only, all or nothing per call, in the caller's vault. */
class ResearchWorkServiceSpec extends Specification {

    static final Instant T0 = Instant.parse('2026-03-01T09:00:00.123456789Z')
    static final Instant MS = T0.truncatedTo(ChronoUnit.MILLIS)

    /** Every use case, called with arguments it would accept for an existing research. */
    static final Map<String, Closure<?>> USE_CASES = [
            addQuery    : { ResearchWorkService s, Session who, UUID id -> s.addQuery(who, id, 'q', 'searxng') },
            queries     : { ResearchWorkService s, Session who, UUID id -> s.queries(who, id) },
            addResources: { ResearchWorkService s, Session who, UUID id -> s.addResources(who, id, [resource()]) },
            resources   : { ResearchWorkService s, Session who, UUID id -> s.resources(who, id, PageRequest.first()) },
            putReport   : { ResearchWorkService s, Session who, UUID id -> s.putReport(who, id, '# r', 'markdown') },
            report      : { ResearchWorkService s, Session who, UUID id -> s.report(who, id) },
            appendLog   : { ResearchWorkService s, Session who, UUID id -> s.appendLog(who, id, 'info', 'm', 5) },
            logs        : { ResearchWorkService s, Session who, UUID id -> s.logs(who, id, 0) },
    ]

    MutableClock clock = new MutableClock(T0)
    RecordingVaultScope scope = new RecordingVaultScope()
    RecordingChangeFeed events = new RecordingChangeFeed()
    /** One repository for everyone, as in production; the bound vault decides whose rows it touches. */
    ResearchRepository repository = ResearchVaults.perUser()
    ChatRepository chats = VaultPerUser.of(ChatRepository) { new InMemoryChatRepository() }
    WritingRepository writing = WritingVaults.perUser()
    ResearchService research = new ResearchService(scope.vaultWork(), repository, chats, writing, events, clock)
    ResearchWorkService service = new ResearchWorkService(scope.vaultWork(), repository, events, clock)
    Session alice = TestSessions.of('alice')
    Session bob = TestSessions.of('bob')
    UUID id = startFor(alice)
    UUID other = startFor(alice)

    UUID startFor(Session who) {
        research.start(who, new StartResearchCommand('why is the sky blue', 'deep')).id()
    }

    static NewResource resource(String url = 'https://example.org', UUID queryId = null) {
        new NewResource('title', url, 'snippet', 'web', queryId)
    }

    /** How much {@code owner}'s vault holds for research {@code researchId}, read past the service. */
    Map<String, Object> recorded(UUID researchId, Session owner = alice) {
        InMemoryVaultScope.bind(owner.userId()) {
            [queries  : repository.queries(researchId).size(),
             resources: repository.resources(researchId, PageRequest.first()).total(),
             report   : repository.report(researchId).map { it.version() }.orElse(0),
             logs     : repository.logs(researchId, 0, 10_000).size()]
        }
    }

    static final Map<String, Object> NOTHING = [queries: 0, resources: 0, report: 0, logs: 0]

    def "for a research the caller does not have (#whose), #useCase is 404 research.not-found and records nothing"() {
        given:
        UUID bobs = startFor(bob)
        Session caller = whose == 'an unknown id' ? alice : bob
        UUID target = whose == 'an unknown id' ? UUID.randomUUID() : id

        when:
        USE_CASES[useCase](service, caller, target)

        then:
        def missing = thrown(NotFoundException)
        missing.code() == 'research.not-found'
        [recorded(target), recorded(id), recorded(target, bob), recorded(bobs, bob)].every { it == NOTHING }

        where:
        [useCase, whose] << [USE_CASES.keySet(), ['an unknown id', "alice's research asked for by bob"]].combinations()
    }

    def 'once the research is deleted, #useCase is 404 research.not-found'() {
        given:
        USE_CASES.values().each { it(service, alice, id) }
        research.delete(alice, id)

        when:
        USE_CASES[useCase](service, alice, id)

        then:
        thrown(NotFoundException)
        recorded(id) == NOTHING

        where:
        useCase << USE_CASES.keySet()
    }

    def 'queries are recorded for their research only, oldest first, stamped at the millisecond'() {
        when:
        ResearchQuery first = service.addQuery(alice, id, 'sky colour', 'searxng')
        clock.advance(Duration.ofSeconds(1))
        ResearchQuery second = service.addQuery(alice, id, 'rayleigh', 'brave')
        service.addQuery(alice, other, 'elsewhere', 'brave')

        then:
        service.queries(alice, id) == [first, second]
        [first.researchId(), first.query(), first.engine(), first.createdAt()] == [id, 'sky colour', 'searxng', MS]
        second.createdAt() == MS.plusSeconds(1)
        service.queries(alice, other)*.query() == ['elsewhere']
    }

    def 'a query the domain refuses is 400 #code, and nothing is recorded'() {
        when:
        service.addQuery(alice, id, query, engine)

        then:
        def refused = thrown(RuleViolationException)
        refused.code() == code
        recorded(id) == NOTHING

        where:
        query                                      | engine                                         || code
        ' '                                        | 'searxng'                                      || 'research.invalid-query'
        null                                       | 'searxng'                                      || 'research.invalid-query'
        'q' * (ResearchQuery.MAX_QUERY_LENGTH + 1) | 'searxng'                                      || 'research.invalid-query'
        'q'                                        | ''                                             || 'research.invalid-engine'
        'q'                                        | 'e' * (ResearchQuery.MAX_ENGINE_LENGTH + 1)    || 'research.invalid-engine'
    }

    def 'a batch of up to 500 resources is recorded at once, with or without the query that found them'() {
        given:
        UUID query = service.addQuery(alice, id, 'sky', 'searxng').id()
        List<NewResource> batch = (1..RecordResearchWorkUseCase.MAX_RESOURCES_PER_CALL).collect {
            resource("https://example.org/$it", it % 2 ? query : null)
        }

        when:
        List<ResearchResource> added = service.addResources(alice, id, batch)

        then:
        added*.url() == batch*.url()
        added.every { it.researchId() == id && it.createdAt() == MS }
        added*.queryId().unique() as Set == [query, null] as Set
        recorded(id).resources == 500
        service.resources(alice, id, new PageRequest(0, 200)).items() == added.take(200)
    }

    def 'a batch that is missing, empty or above 500 is 400 research.invalid-resource-batch, and nothing is recorded'() {
        when:
        service.addResources(alice, id, batch)

        then:
        def refused = thrown(RuleViolationException)
        refused.code() == 'research.invalid-resource-batch'
        recorded(id) == NOTHING

        where:
        batch << [null, [], (0..RecordResearchWorkUseCase.MAX_RESOURCES_PER_CALL).collect { resource() }]
    }

    def 'one bad resource refuses the whole batch with 400 research.invalid-resource'() {
        when:
        service.addResources(alice, id, [resource(), bad, resource()])

        then:
        def refused = thrown(RuleViolationException)
        refused.code() == 'research.invalid-resource'
        recorded(id) == NOTHING

        where:
        bad << [
                null,
                resource(null),
                resource('  '),
                resource('u' * (ResearchResource.MAX_URL_LENGTH + 1)),
                new NewResource('t' * (ResearchResource.MAX_TITLE_LENGTH + 1), 'https://example.org', null, null, null),
                new NewResource(null, 'https://example.org', 's' * (ResearchResource.MAX_SNIPPET_LENGTH + 1), null, null),
        ]
    }

    def 'a queryId that is no query of this research refuses the whole batch with 400 research.unknown-query'() {
        given:
        UUID mine = service.addQuery(alice, id, 'sky', 'searxng').id()
        UUID ofOther = service.addQuery(alice, other, 'sea', 'searxng').id()
        UUID unknownQuery = [unknown: UUID.randomUUID(), 'of another research': ofOther][which]

        when:
        service.addResources(alice, id, [resource('https://a', mine), resource('https://b', unknownQuery)])

        then:
        def refused = thrown(RuleViolationException)
        refused.code() == 'research.unknown-query'
        recorded(id).resources == 0
        recorded(other).resources == 0

        where:
        which << ['unknown', 'of another research']
    }

    def 'resources page by number, oldest first, with their total'() {
        given:
        List<ResearchResource> added = (1..5).collectMany {
            clock.advance(Duration.ofSeconds(1))
            service.addResources(alice, id, [resource("https://example.org/$it")])
        }
        service.addResources(alice, other, [resource()])

        when:
        def page = service.resources(alice, id, new PageRequest(1, 2))

        then:
        page.items() == added[2..3]
        page.total() == 5
        service.resources(alice, id, new PageRequest(3, 2)).items().isEmpty()
    }

    def 'a report is 404 research.no-report until put; each put replaces it and adds a version'() {
        when:
        service.report(alice, id)

        then:
        def missing = thrown(NotFoundException)
        missing.code() == 'research.no-report'

        when:
        def first = service.putReport(alice, id, '# draft', 'markdown')
        clock.advance(Duration.ofMinutes(1))
        def second = service.putReport(alice, id, '# final', 'markdown')

        then:
        [first.version(), first.content(), first.updatedAt()] == [1, '# draft', MS]
        [second.version(), second.content(), second.updatedAt()] == [2, '# final', MS.plusSeconds(60)]
        service.report(alice, id) == second
        recorded(other).report == 0
    }

    def 'a report the domain refuses is 400 #code, and the current one stays'() {
        given:
        def current = service.putReport(alice, id, '# kept', 'markdown')

        when:
        service.putReport(alice, id, content, format)

        then:
        def refused = thrown(RuleViolationException)
        refused.code() == code
        service.report(alice, id) == current

        where:
        content | format     || code
        null    | 'markdown' || 'research.invalid-report'
        '# r'   | 'html'     || 'research.invalid-report-format'
        '# r'   | null       || 'research.invalid-report-format'
    }

    def "log lines are numbered 1, 2, 3… per research, and read back after a sequence"() {
        when:
        def lines = (1..4).collect { service.appendLog(alice, id, 'info', "step $it", it * 10) }
        def elsewhere = service.appendLog(alice, other, 'warning', 'other', null)

        then:
        lines*.sequence() == [1L, 2L, 3L, 4L]
        lines*.progress() == [10, 20, 30, 40]
        lines.every { it.createdAt() == MS && it.researchId() == id }
        elsewhere.sequence() == 1L
        service.logs(alice, id, 0) == lines
        service.logs(alice, id, 2) == lines[2..3]
        service.logs(alice, id, 4).isEmpty()
        service.logs(alice, other, 0) == [elsewhere]
    }

    def 'each appended line is announced to its owner after its transaction, with its number; a refused one is not'() {
        given:
        events.published.clear()

        when:
        def line = service.appendLog(alice, id, 'info', 'step', 30)
        try { service.appendLog(alice, id, 'loud', 'bad level', null) } catch (RuleViolationException ignored) { }
        try { service.appendLog(bob, id, 'info', 'not yours', null) } catch (NotFoundException ignored) { }

        then:
        events.published.size() == 1
        with(events.published[0]) {
            user == alice.userId()
            !insideTransaction
            event.type() == 'research.log'
            event.subject() == id
            event.data() == [researchId: id.toString(), sequence: line.sequence(), level: 'info', message: 'step',
                             progress: 30, createdAt: line.createdAt().toString()]
        }
    }

    def 'one call reads at most 1,000 log lines; the client pages on with after'() {
        given:
        (1..RecordResearchWorkUseCase.MAX_LOG_LINES_PER_CALL + 1).each { service.appendLog(alice, id, 'debug', "l$it", null) }

        expect:
        service.logs(alice, id, 0)*.sequence() == (1L..1000L).toList()
        service.logs(alice, id, 1000)*.sequence() == [1001L]
    }

    def 'a log line the domain refuses is 400 #code, and nothing is appended'() {
        given:
        service.appendLog(alice, id, 'info', 'first', null)

        when:
        service.appendLog(alice, id, level, message, progress)

        then:
        def refused = thrown(RuleViolationException)
        refused.code() == code
        service.logs(alice, id, 0)*.message() == ['first']

        where:
        level   | message | progress || code
        'trace' | 'm'     | null     || 'research.invalid-log-level'
        null    | 'm'     | null     || 'research.invalid-log-level'
        'info'  | ' '     | null     || 'research.invalid-log-message'
        'info'  | 'm' * 10_001 | null || 'research.invalid-log-message'
        'info'  | 'm'     | 101      || 'research.invalid-progress'
        'error' | 'm'     | -1       || 'research.invalid-progress'
    }

    def "every use case runs in the caller's vault, opened with the caller's key, and writes in a transaction"() {
        given: 'the repository refuses any write made outside a transaction'
        scope.bindings.clear()

        when:
        USE_CASES.values().each { it(service, alice, id) }

        then:
        scope.bindings.size() == USE_CASES.size()
        scope.onlyBound(alice)
        recorded(id) == [queries: 1, resources: 1, report: 1, logs: 1]
    }
}
