package dev.researchvault.adapter.persistence.vault

import java.time.Duration
import spock.lang.Specification

/** The idle time that leaves at most vault.max-idle-connections idle: the least recently used beyond it go first. */
class IdleConnectionBudgetSpec extends Specification {

    static final long NOW = 1_000_000_000_000L
    static final Duration CONFIGURED = Duration.ofSeconds(10)

    /** Connections idle for these many milliseconds, as since-times of {@link System#nanoTime}. */
    static long[] idleFor(List<Integer> millis) {
        millis.collect { NOW - Duration.ofMillis(it).toNanos() } as long[]
    }

    def "within the bound the configured idle time stands: #idle with at most #maxIdle"() {
        expect:
        IdleConnectionBudget.idleFor(CONFIGURED, maxIdle, idleFor(idle), NOW) == CONFIGURED

        where:
        idle            | maxIdle
        []              | 0
        []              | 64
        [5, 1, 3]       | 3
        [5, 1, 3]       | Integer.MAX_VALUE
    }

    def "beyond it, the idle time of the most recent one to close: #idle with at most #maxIdle closes those idle #closes ms"() {
        when:
        def closeAfter = IdleConnectionBudget.idleFor(CONFIGURED, maxIdle, idleFor(idle), NOW)

        then: 'exactly the oldest beyond the bound have been idle that long'
        idle.findAll { Duration.ofMillis(it) >= closeAfter }.sort() == closes

        where:
        idle                   | maxIdle | closes
        [5, 1, 3]              | 2       | [5]
        [5, 1, 3]              | 1       | [3, 5]
        [5, 1, 3]              | 0       | [1, 3, 5]
        [1, 700, 20, 3, 40, 6] | 3       | [20, 40, 700]
        [0, 0, 0]              | 1       | [0, 0, 0]
    }

    def "ties with the last one to close are closed too (fewer than the bound may stay)"() {
        expect:
        IdleConnectionBudget.idleFor(CONFIGURED, 2, idleFor([4, 4, 4, 1]), NOW) == Duration.ofMillis(4)
    }

    def "the configured idle time still closes what has been idle longer, whatever the bound"() {
        expect:
        IdleConnectionBudget.idleFor(CONFIGURED, 1, idleFor([60_000, 50_000, 100]), NOW) == CONFIGURED
    }

    def "a since-time after now (taken between the snapshot and the clock) counts as idle for no time"() {
        expect:
        IdleConnectionBudget.idleFor(CONFIGURED, 0, [NOW + 5] as long[], NOW) == Duration.ZERO
    }
}
