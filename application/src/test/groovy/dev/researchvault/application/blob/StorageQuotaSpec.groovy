package dev.researchvault.application.blob

import dev.researchvault.domain.LimitExceededException
import dev.researchvault.domain.account.UserId
import dev.researchvault.domain.blob.StoredBytes
import spock.lang.Specification

import java.util.concurrent.Callable
import java.util.concurrent.CountDownLatch
import java.util.concurrent.Executors
import java.util.concurrent.TimeUnit
import java.util.concurrent.atomic.AtomicInteger

/** The storage quota with a fake of the stored sizes: what it admits while other admissions are still storing. */
class StorageQuotaSpec extends Specification {

    /** Stored sizes per owner; the bound owner is whatever the test says. */
    static class FakeStored implements StoredBytes {
        final Map<UserId, Long> sizes = [:].asSynchronized()
        final ThreadLocal<UserId> bound = ThreadLocal.withInitial { UserId.random() }

        long total() { sizes.getOrDefault(bound.get(), 0L) }

        UserId owner() { bound.get() }
    }

    FakeStored stored = new FakeStored()
    UserId ann = UserId.random()

    def setup() {
        stored.bound.set(ann)
        stored.sizes[ann] = 60L
    }

    def "bytes admitted stay reserved until closed: a second admission counts them"() {
        given:
        def quota = new StorageQuota(stored, 100)

        when:
        def first = quota.admit(30)
        quota.admit(30)

        then: '60 stored + 30 reserved + 30 > 100'
        def refused = thrown(LimitExceededException)
        refused.code() == 'vault.quota-exceeded'

        when: 'the first is stored and its reservation closed'
        stored.sizes[ann] = 90L
        first.close()

        then: '90 stored, nothing reserved: 10 fit, 11 do not'
        !refusedToAdmit(quota, 10)
        refusedToAdmit(quota, 11)
    }

    def "a refused admission reserves nothing, and a closed one releases all it grew to"() {
        given:
        def quota = new StorageQuota(stored, 100)

        when: 'a body without a length grows past the quota'
        def growing = quota.admit(0)
        growing.growTo(20)
        growing.growTo(41)

        then:
        thrown(LimitExceededException)

        when:
        growing.close()
        growing.close()

        then: 'the 20 it held are free again, once'
        quota.admit(40).close()
        refusedToAdmit(quota, 41)
    }

    def "each owner has a reservation of their own"() {
        given:
        def quota = new StorageQuota(stored, 100)
        def bob = UserId.random()
        quota.admit(40)

        when:
        stored.bound.set(bob)

        then:
        quota.admit(100).close()
    }

    def "of 20 uploads of 10 bytes admitted at once against 40 free, exactly 4 are admitted while they store"() {
        given:
        def quota = new StorageQuota(stored, 100)
        def pool = Executors.newFixedThreadPool(20)
        def start = new CountDownLatch(1)
        def admitted = new AtomicInteger()
        def holdOn = new CountDownLatch(1)

        when:
        def all = (1..20).collect {
            pool.submit({
                stored.bound.set(ann)
                start.await()
                try {
                    def reservation = quota.admit(10)
                    admitted.incrementAndGet()
                    holdOn.await(10, TimeUnit.SECONDS)
                    reservation.close()
                } catch (LimitExceededException ignored) {
                }
            } as Callable)
        }
        start.countDown()
        Thread.sleep(300)
        int whileStoring = admitted.get()
        holdOn.countDown()
        all*.get(10, TimeUnit.SECONDS)

        then:
        whileStoring == 4
        admitted.get() == 4
        quota.admit(40).close()

        cleanup:
        pool.shutdown()
    }

    def "no quota reads nothing and reserves nothing"() {
        given:
        def quota = new StorageQuota({ -> throw new AssertionError('read') } as StoredBytes, StorageQuota.UNLIMITED)

        expect:
        quota.admit(Long.MAX_VALUE).close()
    }

    private static boolean refusedToAdmit(StorageQuota quota, long bytes) {
        try {
            quota.admit(bytes).close()
            false
        } catch (LimitExceededException ignored) {
            true
        }
    }
}
