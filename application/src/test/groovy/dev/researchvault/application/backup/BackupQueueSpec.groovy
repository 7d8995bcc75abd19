package dev.researchvault.application.backup

import dev.researchvault.domain.backup.BackupInfo
import spock.lang.Specification

import java.time.Instant
import java.util.concurrent.Callable
import java.util.concurrent.CountDownLatch
import java.util.concurrent.Executors
import java.util.concurrent.TimeUnit
import java.util.concurrent.atomic.AtomicInteger
import java.util.function.Supplier

class BackupQueueSpec extends Specification {

    def queue = new BackupQueue()
    def runs = new AtomicInteger()
    def pool = Executors.newFixedThreadPool(12)

    def cleanup() {
        pool.shutdownNow()
    }

    def "a request arriving while a backup runs is answered by a later run, shared with the others waiting"() {
        given: 'a first backup that is held mid-run'
        def firstStarted = new CountDownLatch(1)
        def releaseFirst = new CountDownLatch(1)
        def first = pool.submit({
            queue.submit({ firstStarted.countDown(); releaseFirst.await(); backup() } as Supplier)
        } as Callable)
        firstStarted.await(10, TimeUnit.SECONDS)

        when: 'ten more arrive during it'
        def waiting = (1..10).collect { pool.submit({ queue.submit({ backup() } as Supplier) } as Callable) }
        sleep(200)
        releaseFirst.countDown()

        then:
        first.get().name() == 'run-1'
        waiting*.get()*.name().toSet() == ['run-2'] as Set
        runs.get() == 2
    }

    def "a failed run fails those it answers, and the next request tries again"() {
        when:
        queue.submit({ throw new IllegalStateException('disk on fire') } as Supplier)

        then:
        thrown(IllegalStateException)

        expect:
        queue.submit({ backup() } as Supplier).name() == 'run-1'
    }

    private BackupInfo backup() {
        new BackupInfo("run-${runs.incrementAndGet()}", Instant.now(), 1, true, dev.researchvault.domain.backup.BackupKind.MANUAL, Optional.of(true), Instant.now(), "quick_check")
    }
}
