package dev.researchvault.application.health

import dev.researchvault.application.account.LoginThrottleSpec.MutableClock
import dev.researchvault.application.health.StorageHealth.Report
import dev.researchvault.application.health.StorageHealth.Storage
import java.time.Duration
import java.time.Instant
import java.util.concurrent.CountDownLatch
import java.util.concurrent.Executors
import java.util.concurrent.TimeUnit
import java.util.concurrent.atomic.AtomicInteger
import spock.lang.Specification

class CachedReadinessSpec extends Specification {

    static final Report UP = new Report(Storage.WRITABLE, true)

    MutableClock clock = new MutableClock(Instant.parse('2026-01-01T00:00:00Z'))
    AtomicInteger runs = new AtomicInteger()

    def "callers that arrive while the check runs wait for it and share its answer: it runs once"() {
        given:
        def started = new CountDownLatch(1)
        def release = new CountDownLatch(1)
        def readiness = new CachedReadiness({
            runs.incrementAndGet()
            started.countDown()
            release.await(10, TimeUnit.SECONDS)
            UP
        } as StorageHealth, Duration.ofSeconds(5), clock)
        def pool = Executors.newFixedThreadPool(20)

        when:
        def answers = (1..20).collect { pool.submit({ readiness.readiness() } as java.util.concurrent.Callable) }
        started.await(10, TimeUnit.SECONDS)
        Thread.sleep(100) // the other 19 callers are now queued behind the running check
        release.countDown()

        then:
        answers*.get(10, TimeUnit.SECONDS).every { it == UP }
        runs.get() == 1

        cleanup:
        pool.shutdownNow()
    }

    def "an answer is reused for reuse-for, then the next caller runs the check again"() {
        given:
        def storage = Storage.WRITABLE
        def readiness = new CachedReadiness({ runs.incrementAndGet(); new Report(storage, true) } as StorageHealth,
                Duration.ofSeconds(5), clock)

        when:
        readiness.readiness()
        clock.advance(Duration.ofMillis(4999))
        storage = Storage.FULL
        def reused = readiness.readiness()

        then:
        reused.storage() == Storage.WRITABLE
        runs.get() == 1

        when:
        clock.advance(Duration.ofMillis(1))

        then:
        readiness.readiness().storage() == Storage.FULL
        runs.get() == 2
    }

    def "reuse-for 0s runs the check on every call"() {
        given:
        def readiness = new CachedReadiness({ runs.incrementAndGet(); UP } as StorageHealth, Duration.ZERO, clock)

        when:
        3.times { readiness.readiness() }

        then:
        runs.get() == 3
    }
}
