package dev.researchvault.adapter.persistence.vault

import spock.lang.Requires
import spock.lang.Specification

import java.time.Duration
import java.util.concurrent.atomic.AtomicLong

/** When the native heap is trimmed: only after vaults were retired, at most once per interval, never once unavailable. */
class NativeHeapTrimSpec extends Specification {

    AtomicLong retired = new AtomicLong()
    AtomicLong nanos = new AtomicLong(1_000_000_000_000L)
    List<Long> trims = []
    boolean works = true
    NativeHeapTrim trim = new NativeHeapTrim(retired::get, Duration.ofSeconds(10),
            { trims << nanos.get(); works } as NativeHeapTrim.Trimmer, nanos::get)

    void advance(Duration duration) {
        nanos.addAndGet(duration.toNanos())
    }

    def 'nothing retired, nothing trimmed; a retirement is trimmed at the next poll'() {
        expect:
        !trim.afterVaultsClosed()

        when:
        retired.set(3)

        then:
        trim.afterVaultsClosed()
        trims.size() == 1

        and: 'no new retirement, no trim, however long it waits'
        advance(Duration.ofMinutes(5))
        !trim.afterVaultsClosed()
        trims.size() == 1
    }

    def 'retirements within the interval wait for it to pass, then are trimmed once'() {
        given:
        retired.set(1)
        trim.afterVaultsClosed()

        when:
        retired.set(2)
        advance(Duration.ofSeconds(5))

        then:
        !trim.afterVaultsClosed()

        when:
        advance(Duration.ofSeconds(5))

        then:
        trim.afterVaultsClosed()
        trims.size() == 2
    }

    def 'where trimming is unavailable, the first attempt stops it'() {
        given:
        works = false
        retired.set(1)

        expect:
        !trim.afterVaultsClosed()

        when:
        retired.set(2)
        advance(Duration.ofMinutes(1))

        then:
        !trim.afterVaultsClosed()
        trims.size() == 1
    }

    def 'a zero interval turns it off'() {
        given:
        def off = new NativeHeapTrim(retired::get, Duration.ZERO, { trims << 1L; true } as NativeHeapTrim.Trimmer, nanos::get)
        retired.set(5)

        expect:
        !off.afterVaultsClosed()
        trims.isEmpty()
    }

    def "a user's last session ending is trimmed after too, even when their vault had closed idle before"() {
        given: 'the open-vault cache of the server, with no vault open'
        def vaults = new OpenVaults(new VaultConfiguration(), new VaultLocks(Duration.ofSeconds(30)),
                { user, key -> throw new AssertionError('no vault is opened here') } as OpenVault.Opener)
        def afterSessions = new NativeHeapTrim(NativeHeapTrim.freeingEvents(vaults, { 0L }), Duration.ofSeconds(10),
                { trims << nanos.get(); true } as NativeHeapTrim.Trimmer, nanos::get)

        expect:
        !afterSessions.afterVaultsClosed()

        when: 'the last session of a user whose vault is not open ends (Vaults.close)'
        vaults.closeRequested(dev.researchvault.domain.account.UserId.random())

        then:
        vaults.retirements() == 0
        vaults.closeRequests() == 1
        afterSessions.afterVaultsClosed()
        trims.size() == 1
    }

    def "the JIT's compiling counts as an event too: it frees its arenas to malloc after each compilation"() {
        given:
        def vaults = new OpenVaults(new VaultConfiguration(), new VaultLocks(Duration.ofSeconds(30)),
                { user, key -> throw new AssertionError('no vault is opened here') } as OpenVault.Opener)
        AtomicLong jit = new AtomicLong(500)
        def afterCompiling = new NativeHeapTrim(NativeHeapTrim.freeingEvents(vaults, jit::get), Duration.ofSeconds(10),
                { trims << nanos.get(); true } as NativeHeapTrim.Trimmer, nanos::get)

        expect: 'what was compiled before the first poll is trimmed after once'
        afterCompiling.afterVaultsClosed()

        when: 'nothing compiled since'
        advance(Duration.ofMinutes(1))

        then:
        !afterCompiling.afterVaultsClosed()

        when: 'the JIT compiled more'
        jit.addAndGet(40)

        then:
        afterCompiling.afterVaultsClosed()
        trims.size() == 2
        NativeHeapTrim.jitMillis() >= 0
    }

    /** Whether this JVM has the command (JDK 17.0.9 and later); older ones just never trim. */
    static boolean commandExists() {
        def server = java.lang.management.ManagementFactory.platformMBeanServer
        def name = new javax.management.ObjectName('com.sun.management:type=DiagnosticCommand')
        server.getMBeanInfo(name).operations*.name.contains('systemTrimNativeHeap')
    }

    @Requires({ os.linux && NativeHeapTrimSpec.commandExists() })
    def "on this JDK and glibc the JVM's own diagnostic command trims"() {
        expect:
        NativeHeapTrim.diagnosticCommand()
    }
}
