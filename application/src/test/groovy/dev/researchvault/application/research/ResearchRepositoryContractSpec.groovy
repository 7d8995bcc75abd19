package dev.researchvault.application.research

import dev.researchvault.application.vault.InMemoryVaultScope
import dev.researchvault.application.support.CursorWalk
import dev.researchvault.domain.Page
import dev.researchvault.domain.PageCursor
import dev.researchvault.domain.PageRequest
import dev.researchvault.domain.RuleViolationException
import dev.researchvault.domain.research.Research
import dev.researchvault.domain.research.ResearchFilter
import dev.researchvault.domain.research.ResearchLog
import dev.researchvault.domain.research.ResearchQuery
import dev.researchvault.domain.research.ResearchReport
import dev.researchvault.domain.research.ResearchRepository
import dev.researchvault.domain.research.ResearchResource
import dev.researchvault.domain.research.ResearchStatus
import dev.researchvault.domain.vault.NoVaultBoundException
import dev.researchvault.domain.usage.TokenUsage
import spock.lang.Specification

import java.time.Instant

import static dev.researchvault.domain.research.ResearchStatus.COMPLETED
import static dev.researchvault.domain.research.ResearchStatus.IN_PROGRESS
import static dev.researchvault.domain.research.ResearchStatus.PENDING

/**
 * What every {@link ResearchRepository} must do. A concrete subclass per adapter provides the repository
 * and, when the adapter needs one, a bound vault around each call ({@link #inVault}).
 */
abstract class ResearchRepositoryContractSpec extends Specification {

    static final Instant T0 = Instant.parse('2024-05-01T10:00:00.123Z')

    /** A fresh, empty repository for each feature. */
    abstract ResearchRepository repository()

    /** Runs {@code work} where the repository can reach its storage; in one transaction for SQL adapters. */
    def <T> T inVault(Closure<T> work) {
        InMemoryVaultScope.bind(InMemoryVaultScope.SOMEONE, work)
    }

    ResearchRepository repo

    def setup() {
        repo = repository()
    }

    Research research(String query, Instant createdAt = T0, String title = null) {
        Research created = Research.create(UUID.randomUUID(), query, 'quick', createdAt).withTitle(title)
        inVault { repo.add(created) }
        created
    }

    def 'a research reads back exactly as it was stored'() {
        given:
        Research stored = Research.create(UUID.randomUUID(), 'why is the sky blue?', 'detailed', T0)
                .moveTo(IN_PROGRESS, T0.plusSeconds(1)).withProgress(40).withTitle('Sky')
                .withMetadata([model: 'x', depth: 3, nested: [tags: ['a', 'b'], ok: true]])

        when:
        inVault { repo.add(stored) }

        then:
        inVault { repo.find(stored.id()) }.get() == stored
    }

    def 'an unknown id finds nothing'() {
        expect:
        inVault { repo.find(UUID.randomUUID()) }.isEmpty()
    }

    def 'update replaces the stored state'() {
        given:
        Research created = research('q')
        Research finished = created.moveTo(IN_PROGRESS, T0.plusSeconds(5)).moveTo(COMPLETED, T0.plusSeconds(65))

        when:
        inVault { repo.update(finished) }

        then:
        with(inVault { repo.find(created.id()) }.get()) {
            status() == COMPLETED
            startedAt() == T0.plusSeconds(5)
            completedAt() == T0.plusSeconds(65)
            durationSeconds() == 60
        }
    }

    def 'the list is newest first, paged, with the total of all matches'() {
        given:
        def ids = (0..4).collect { research("q$it", T0.plusSeconds(it)).id() }

        expect:
        with(inVault { repo.list(ResearchFilter.all(), new PageRequest(page, 2)) }) {
            items()*.id() == expected.collect { ids[it] }
            total() == 5
            size() == 2
        }

        where:
        page || expected
        0    || [4, 3]
        2    || [0]
        3    || []
    }

    def 'research created in the same millisecond list latest added first'() {
        given:
        def first = research('first')
        def second = research('second')

        expect:
        inVault { repo.list(ResearchFilter.all(), PageRequest.first()) }.items()*.id() == [second.id(), first.id()]
    }

    def 'the list filters by status'() {
        given:
        research('pending one')
        Research running = research('running one', T0.plusSeconds(1))
        inVault { repo.update(running.moveTo(IN_PROGRESS, T0)) }

        expect:
        inVault { repo.list(new ResearchFilter(status, null), PageRequest.first()) }.items()*.query() == expected

        where:
        status      || expected
        PENDING     || ['pending one']
        IN_PROGRESS || ['running one']
        COMPLETED   || []
    }

    def 'the text filter looks into query and title, ignoring ASCII case'() {
        given:
        research('Quantum computing basics')
        research('unrelated', T0.plusSeconds(1), 'About QUANTUM dots')
        research('cooking', T0.plusSeconds(2))

        expect:
        inVault { repo.list(new ResearchFilter(null, 'quantum'), PageRequest.first()) }.items()*.query() ==
                ['unrelated', 'Quantum computing basics']
    }

    def 'percent and underscore in the text filter match only themselves'() {
        given:
        research('growth of 100% in a year')
        research('growth of 1000 in a year', T0.plusSeconds(1))
        research('snake_case names', T0.plusSeconds(2))
        research('snakeXcase names', T0.plusSeconds(3))

        expect:
        inVault { repo.list(new ResearchFilter(null, text), PageRequest.first()) }.items()*.query() == expected

        where:
        text        || expected
        '100%'      || ['growth of 100% in a year']
        'snake_c'   || ['snake_case names']
        '\\'        || []
    }

    def 'following next from the first page visits every research once, newest first, ties latest added first'() {
        given: 'seven research over three milliseconds, so that cursors fall between research of the same time'
        def newestFirst = [0, 0, 0, 1, 1, 2, 2].collect { research('q', T0.plusMillis(it)).id() }.reverse()

        when:
        List<Page<Research>> pages = inVault { CursorWalk.pages(size) { repo.list(ResearchFilter.all(), it) } }

        then:
        pages.collectMany { it.items()*.id() } == newestFirst
        pages.collect { it.items().size() } == sizes
        pages*.total() == [7L] * sizes.size()

        where:
        size || sizes
        1    || [1] * 7
        2    || [2, 2, 2, 1]
        3    || [3, 3, 1]
        7    || [7]
        200  || [7]
    }

    def 'a page by number offers the cursor of what follows it, and none when nothing does'() {
        given:
        def newestFirst = (0..4).collect { research("q$it", T0.plusSeconds(it)).id() }.reverse()

        when:
        Page<Research> second = inVault { repo.list(ResearchFilter.all(), new PageRequest(1, 2)) }
        Page<Research> rest = inVault { repo.list(ResearchFilter.all(), PageRequest.after(second.next(), 2)) }

        then:
        second.items()*.id() == newestFirst[2..3]
        rest.items()*.id() == [newestFirst[4]]
        rest.next() == null

        and: 'the last page, a full one included, and pages past the end have none'
        inVault { repo.list(ResearchFilter.all(), new PageRequest(page, size)) }.next() == null

        where:
        page | size
        2    | 2
        0    | 5
        1    | 5
        9    | 2
    }

    def 'a walk goes on after the research of its cursor is deleted, and research added meanwhile come first'() {
        given: 'five research of the same millisecond'
        def newestFirst = (0..4).collect { research("q$it").id() }.reverse()
        Page<Research> first = inVault { repo.list(ResearchFilter.all(), new PageRequest(0, 2)) }

        when:
        inVault { repo.delete(first.items().last().id()) }
        research('added during the walk', T0.plusSeconds(1))
        Page<Research> rest = inVault { repo.list(ResearchFilter.all(), PageRequest.after(first.next(), 10)) }

        then:
        first.items()*.id() == newestFirst[0..1]
        rest.items()*.id() == newestFirst[2..4]
        rest.total() == 5
        rest.next() == null
    }

    def 'a walk with status #status and text #text visits exactly the matching research, with their total'() {
        given: 'twelve research, two per millisecond, half of them in progress, a third about alpha'
        (0..11).each { i ->
            Research created = research(i % 3 == 0 ? "alpha $i" : "beta $i", T0.plusMillis(i.intdiv(2)))
            if (i % 2 == 0) {
                inVault { repo.update(created.moveTo(IN_PROGRESS, T0)) }
            }
        }
        ResearchFilter filter = new ResearchFilter(status, text)
        def everything = inVault { repo.list(filter, new PageRequest(0, 200)) }.items()*.id()

        when:
        List<Page<Research>> pages = inVault { CursorWalk.pages(2) { repo.list(filter, it) } }

        then:
        everything.size() == count
        pages.collectMany { it.items()*.id() } == everything
        pages*.total() == [count as long] * pages.size()

        where:
        status      | text    || count
        IN_PROGRESS | null    || 6
        PENDING     | null    || 6
        null        | 'alpha' || 4
        IN_PROGRESS | 'alpha' || 2
        COMPLETED   | null    || 0
    }

    def 'a cursor is a position in the order, so it continues a list with another filter'() {
        given:
        def newestFirst = (0..5).collect { research(it % 2 ? 'odd' : 'even', T0.plusSeconds(it)).id() }.reverse()
        Page<Research> first = inVault { repo.list(ResearchFilter.all(), new PageRequest(0, 2)) }

        expect:
        inVault { repo.list(new ResearchFilter(null, 'even'), PageRequest.after(first.next(), 10)) }.items()*.id() ==
                [newestFirst[3], newestFirst[5]]
    }

    def 'an empty list has no items and no next, and a cursor past the oldest research finds nothing'() {
        expect:
        with(inVault { repo.list(ResearchFilter.all(), PageRequest.first()) }) {
            items().isEmpty()
            total() == 0
            next() == null
        }

        when:
        research('only one')

        then:
        with(inVault { repo.list(ResearchFilter.all(), PageRequest.after(cursor(T0.minusMillis(1), Long.MAX_VALUE), 5)) }) {
            items().isEmpty()
            total() == 1
            next() == null
        }
    }

    def 'a cursor of the chat list is refused'() {
        given:
        research('one')

        when:
        inVault { repo.list(ResearchFilter.all(), PageRequest.after(new PageCursor(PageCursor.Listing.CHATS, T0.plusSeconds(1), 1), 5)) }

        then:
        RuleViolationException refused = thrown()
        refused.code() == 'page.invalid-cursor'
    }

    def 'deleting a research takes its queries, resources, report and log with it'() {
        given:
        Research doomed = research('doomed')
        Research kept = research('kept')
        [doomed, kept].each { fillWithWork(it.id()) }

        when:
        boolean deleted = inVault { repo.delete(doomed.id()) }

        then:
        deleted
        inVault { repo.find(doomed.id()) }.isEmpty()
        inVault { repo.queries(doomed.id()) }.isEmpty()
        inVault { repo.resources(doomed.id(), PageRequest.first()) }.total() == 0
        inVault { repo.report(doomed.id()) }.isEmpty()
        inVault { repo.logs(doomed.id(), 0, 100) }.isEmpty()

        and: 'the other research keeps everything'
        inVault { repo.queries(kept.id()) }.size() == 1
        inVault { repo.resources(kept.id(), PageRequest.first()) }.total() == 2
        inVault { repo.report(kept.id()) }.isPresent()
        inVault { repo.logs(kept.id(), 0, 100) }.size() == 1

        and: 'deleting again deletes nothing'
        !inVault { repo.delete(doomed.id()) }
    }

    def 'queries list oldest first and belong to their research only'() {
        given:
        Research one = research('one')
        Research other = research('other')
        def first = query(one.id(), 'first', T0)
        def second = query(one.id(), 'second', T0.plusSeconds(1))
        def foreign = query(other.id(), 'foreign', T0)

        expect:
        inVault { repo.queries(one.id()) } == [first, second]
        inVault { repo.hasQuery(one.id(), first.id()) }
        !inVault { repo.hasQuery(one.id(), foreign.id()) }
        !inVault { repo.hasQuery(one.id(), UUID.randomUUID()) }
    }

    def 'resources are stored in a batch and listed oldest first, paged'() {
        given:
        Research owner = research('owner')
        ResearchQuery found = query(owner.id(), 'search', T0)
        def batch = (0..4).collect { resource(owner.id(), it == 0 ? found.id() : null, "https://example.org/$it") }

        when:
        inVault { repo.addResources(batch) }

        then:
        with(inVault { repo.resources(owner.id(), new PageRequest(1, 2)) }) {
            items() == batch[2..3]
            total() == 5
        }
        inVault { repo.resources(owner.id(), new PageRequest(0, 1)) }.items()[0].queryId() == found.id()
    }

    def 'each put of the report adds a version and keeps only the latest text'() {
        given:
        Research owner = research('owner')

        expect:
        inVault { repo.report(owner.id()) }.isEmpty()

        when:
        def first = inVault { repo.putReport(ResearchReport.draft(owner.id(), '# One', 'markdown', T0)) }
        def second = inVault { repo.putReport(ResearchReport.draft(owner.id(), '# Two', 'markdown', T0.plusSeconds(1))) }

        then:
        first.version() == 1
        second.version() == 2
        inVault { repo.report(owner.id()) }.get() == second
    }

    def 'log lines are numbered per research and read after a sequence, oldest first'() {
        given:
        Research one = research('one')
        Research other = research('other')

        when:
        def lines = (1..4).collect { appendLog(one.id(), "line $it") }
        appendLog(other.id(), 'elsewhere')

        then:
        lines*.sequence() == [1L, 2L, 3L, 4L]
        inVault { repo.logs(other.id(), 0, 100) }*.sequence() == [1L]
        inVault { repo.logs(one.id(), 2, 100) } == lines[2..3]
        inVault { repo.logs(one.id(), 0, 2) } == lines[0..1]
        inVault { repo.logs(one.id(), 4, 100) }.isEmpty()
    }

    def 'a log line keeps its level, message and progress'() {
        given:
        Research owner = research('owner')
        def line = ResearchLog.unnumbered(owner.id(), 'warning', 'slow source', 55, T0)

        when:
        inVault { repo.appendLog(line) }

        then:
        inVault { repo.logs(owner.id(), 0, 10) } == [line.withSequence(1)]
    }

    def "a research's token usage reads back exactly, and is replaced by the next report"() {
        given:
        Research stored = research('costly')

        when:
        inVault { repo.update(stored.withUsage(new TokenUsage(10, 20, null))) }
        Research reported = stored.withUsage(new TokenUsage(52_000, 9_100, 1.25))
        inVault { repo.update(reported) }

        then:
        inVault { repo.find(stored.id()) }.get() == reported
        inVault { repo.find(stored.id()) }.get().usage().costMicros() == 1_250_000
    }

    def "with no vault bound, #method refuses and changes nothing"() {
        given:
        Research kept = research('kept')

        when:
        call(repo, kept)

        then:
        thrown(NoVaultBoundException)
        inVault { repo.find(kept.id()) }.get() == kept
        inVault { repo.queries(kept.id()) } == []

        where:
        method         | call
        'add'          | { ResearchRepository r, Research k -> r.add(Research.create(UUID.randomUUID(), 'new', 'quick', T0)) }
        'update'       | { ResearchRepository r, Research k -> r.update(k.withTitle('changed')) }
        'find'         | { ResearchRepository r, Research k -> r.find(k.id()) }
        'list'         | { ResearchRepository r, Research k -> r.list(ResearchFilter.all(), new PageRequest(0, 10)) }
        'delete'       | { ResearchRepository r, Research k -> r.delete(k.id()) }
        'addQuery'     | { ResearchRepository r, Research k -> r.addQuery(new ResearchQuery(UUID.randomUUID(), k.id(), 'q', 'web', T0)) }
        'queries'      | { ResearchRepository r, Research k -> r.queries(k.id()) }
        'hasQuery'     | { ResearchRepository r, Research k -> r.hasQuery(k.id(), UUID.randomUUID()) }
        'addResources' | { ResearchRepository r, Research k -> r.addResources([resource(k.id(), null, 'https://a.example')]) }
        'resources'    | { ResearchRepository r, Research k -> r.resources(k.id(), new PageRequest(0, 10)) }
        'putReport'    | { ResearchRepository r, Research k -> r.putReport(ResearchReport.draft(k.id(), 'text', 'markdown', T0)) }
        'report'       | { ResearchRepository r, Research k -> r.report(k.id()) }
        'appendLog'    | { ResearchRepository r, Research k -> r.appendLog(ResearchLog.unnumbered(k.id(), 'info', 'x', null, T0)) }
        'logs'         | { ResearchRepository r, Research k -> r.logs(k.id(), 0, 10) }
    }

    static PageCursor cursor(Instant time, long sequence) {
        new PageCursor(PageCursor.Listing.RESEARCH, time, sequence)
    }

    void fillWithWork(UUID researchId) {
        ResearchQuery searched = query(researchId, 'search', T0)
        inVault {
            repo.addResources([resource(researchId, searched.id(), 'https://a.example'), resource(researchId, null, 'https://b.example')])
            repo.putReport(ResearchReport.draft(researchId, 'text', 'markdown', T0))
        }
        appendLog(researchId, 'started')
    }

    ResearchQuery query(UUID researchId, String text, Instant at) {
        def query = new ResearchQuery(UUID.randomUUID(), researchId, text, 'searxng', at)
        inVault { repo.addQuery(query) }
        query
    }

    static ResearchResource resource(UUID researchId, UUID queryId, String url) {
        new ResearchResource(UUID.randomUUID(), researchId, queryId, 'title', url, 'snippet', 'web', T0)
    }

    ResearchLog appendLog(UUID researchId, String message) {
        inVault { repo.appendLog(ResearchLog.unnumbered(researchId, 'info', message, null, T0)) }
    }
}
