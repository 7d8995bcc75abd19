package dev.researchvault.domain.research

import dev.researchvault.domain.ConflictException
import dev.researchvault.domain.PageRequest
import dev.researchvault.domain.RuleViolationException
import spock.lang.Specification

import java.time.Instant

import static dev.researchvault.domain.research.ResearchStatus.*

class ResearchSpec extends Specification {

    static final Instant T0 = Instant.parse('2024-01-01T00:00:00Z')

    def 'a new research is pending, at 0 %, not started'() {
        when:
        Research research = Research.create(UUID.randomUUID(), 'q', 'quick', T0)

        then:
        research.status() == PENDING
        research.progress() == 0
        research.startedAt() == null
        research.durationSeconds() == null
    }

    def 'moving from #from to #to is #verdict'() {
        given:
        Research research = inStatus(from)

        when:
        Research moved = research.moveTo(to, T0.plusSeconds(100))

        then:
        moved.status() == to

        where:
        from        | to
        PENDING     | IN_PROGRESS
        IN_PROGRESS | SUSPENDED
        SUSPENDED   | IN_PROGRESS
        IN_PROGRESS | COMPLETED
        IN_PROGRESS | FAILED
        IN_PROGRESS | CANCELLED
        PENDING     | CANCELLED
        COMPLETED   | COMPLETED
        verdict = 'allowed'
    }

    def 'moving from #from to #to is refused as a conflict'() {
        when:
        inStatus(from).moveTo(to, T0)

        then:
        ConflictException refused = thrown()
        refused.code() == 'research.illegal-status-change'

        where:
        from      | to
        PENDING   | COMPLETED
        PENDING   | SUSPENDED
        SUSPENDED | COMPLETED
        COMPLETED | IN_PROGRESS
        FAILED    | PENDING
        CANCELLED | IN_PROGRESS
    }

    def 'times follow the transitions: a suspension keeps the start, the end sets the duration'() {
        when:
        Research done = Research.create(UUID.randomUUID(), 'q', 'quick', T0)
                .moveTo(IN_PROGRESS, T0.plusSeconds(10))
                .moveTo(SUSPENDED, T0.plusSeconds(20))
                .moveTo(IN_PROGRESS, T0.plusSeconds(30))
                .moveTo(COMPLETED, T0.plusSeconds(70))

        then:
        done.startedAt() == T0.plusSeconds(10)
        done.completedAt() == T0.plusSeconds(70)
        done.durationSeconds() == 60
    }

    def 'progress #value is refused'() {
        when:
        inStatus(PENDING).withProgress(value)

        then:
        thrown(RuleViolationException)

        where:
        value << [-1, 101]
    }

    def 'unknown status names and bad modes are refused'() {
        when:
        action()

        then:
        thrown(RuleViolationException)

        where:
        action << [{ ResearchStatus.fromWire('done') }, { ResearchStatus.fromWire('IN_PROGRESS') },
                   { Research.create(UUID.randomUUID(), 'q', 'Quick mode!', T0) },
                   { Research.create(UUID.randomUUID(), '  ', 'quick', T0) }]
    }

    def 'a page size of #size is refused'() {
        when:
        new PageRequest(0, size)

        then:
        thrown(RuleViolationException)

        where:
        size << [0, 201]
    }

    static Research inStatus(ResearchStatus status) {
        Research research = Research.create(UUID.randomUUID(), 'q', 'quick', T0)
        switch (status) {
            case PENDING: return research
            case IN_PROGRESS: return research.moveTo(IN_PROGRESS, T0)
            case SUSPENDED: return research.moveTo(IN_PROGRESS, T0).moveTo(SUSPENDED, T0)
            default: return research.moveTo(IN_PROGRESS, T0).moveTo(status, T0)
        }
    }

    def 'metadata may nest 32 levels of objects and arrays, not 33 (the JSON writer fails past 65)'() {
        given:
        def research = Research.create(UUID.randomUUID(), 'q', 'quick', Instant.EPOCH)
        def nested = { int depth -> def value = 'leaf'; depth.times { value = [value] }; [k: value] }

        expect:
        research.withMetadata(nested(31)).metadata() == nested(31)

        when:
        research.withMetadata(nested(999))

        then:
        def refused = thrown(dev.researchvault.domain.RuleViolationException)
        refused.code() == 'research.metadata-too-deep'
    }
}
