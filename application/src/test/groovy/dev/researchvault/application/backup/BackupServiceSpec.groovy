package dev.researchvault.application.backup

import dev.researchvault.application.account.LoginThrottleSpec.MutableClock
import dev.researchvault.application.account.AccountLifecycle
import dev.researchvault.application.account.PasswordProof
import dev.researchvault.application.account.Session
import dev.researchvault.application.account.SessionStore
import dev.researchvault.application.support.InMemoryAccountRegistry
import dev.researchvault.application.support.InMemoryBackups
import dev.researchvault.domain.UnauthenticatedException
import dev.researchvault.domain.account.UserId
import dev.researchvault.domain.account.Username
import dev.researchvault.domain.backup.BackupInfo
import dev.researchvault.domain.backup.BackupPolicy
import dev.researchvault.domain.vault.MasterKey
import spock.lang.Specification

import java.time.Duration
import java.time.Instant

/** The automatic backup rules, with a clock the spec moves and backups run on the calling thread. */
class BackupServiceSpec extends Specification {

    MutableClock clock = new MutableClock(Instant.parse('2026-11-23T08:00:00Z'))
    InMemoryBackups backups = new InMemoryBackups(clock)
    BackupPolicy policy = new BackupPolicy(true, 5, 30)
    List<UserId> restored = []
    AccountLifecycle lifecycle = new AccountLifecycle(Duration.ofSeconds(5))
    /** Tokens whose session ended (logout, password change, deletion); every other one is live. */
    Set<String> ended = []
    SessionStore sessions = [isLive: { String token -> !(token in ended) }] as SessionStore
    BackupService service = new BackupService(new BackupService.Collaborators(backups,
            { user, key -> policy } as BackupPolicies, new PasswordProof(new InMemoryAccountRegistry(), null, null, null),
            lifecycle, sessions, { Runnable task -> task.run() }, { UserId user -> restored << user }, clock))

    Session alice = session('alice')

    def "a listing answers the backups while its session lives, and 401 when the session ended while it read"() {
        given:
        service.createBackup(alice)
        def endingWhileRead = new BackupService(new BackupService.Collaborators(new InMemoryBackups(clock) {
            @Override
            List<BackupInfo> list(UserId user) {
                // A password change or deletion ends the sessions, then rewrites or removes the files.
                ended << alice.token()
                super.list(user)
            }
        }, { user, key -> policy } as BackupPolicies, null, lifecycle, sessions, { Runnable task -> task.run() }, { }, clock))

        expect:
        service.listBackups(alice).size() == 1

        when:
        endingWhileRead.listBackups(alice)

        then:
        def refused = thrown(UnauthenticatedException)
        refused.code() == 'session.invalid'
    }

    def "the first login of a day takes a backup, later logins that day do not"() {
        when:
        service.loggedIn(alice)
        clock.advance(Duration.ofHours(3))
        service.loggedIn(alice)

        then:
        backups.list(alice.userId()).size() == 1
    }

    def "yesterday's backup does not block today's"() {
        given:
        service.loggedIn(alice)

        when:
        clock.advance(Duration.ofHours(20))
        service.loggedIn(alice)

        then: '08:00 on the 23rd, then 04:00 on the 24th'
        backups.list(alice.userId()).size() == 2
    }

    def "a backup on demand is not subject to the daily limit"() {
        given:
        service.loggedIn(alice)

        when:
        service.createBackup(alice)
        service.createBackup(alice)

        then:
        backups.list(alice.userId()).size() == 3
    }

    def "automatic backups switched off in the settings stop only the automatic ones"() {
        given:
        policy = new BackupPolicy(false, 5, 30)

        when:
        service.loggedIn(alice)

        then:
        backups.list(alice.userId()).isEmpty()

        when:
        service.createBackup(alice)

        then:
        backups.list(alice.userId()).size() == 1
    }

    def "retention runs after every backup and keeps the one just written even with limits of 1"() {
        given:
        policy = new BackupPolicy(true, 1, 1)

        when: 'a backup each day for five days'
        5.times {
            service.loggedIn(alice)
            clock.advance(Duration.ofDays(1))
        }

        then:
        backups.list(alice.userId())*.name() == ['backup-5']
    }

    def "a password change keeps every backup: the vault engine re-encrypted them under the new key"() {
        given:
        3.times { service.createBackup(alice) }

        when:
        service.passwordChanged(alice.userId(), new MasterKey(new byte[32]))

        then:
        backups.list(alice.userId())*.name() as Set == ['backup-1', 'backup-2', 'backup-3'] as Set
    }

    def "a session from before a password change can no longer back up, delete or restore"() {
        given:
        service.createBackup(alice)
        lifecycle.exclusively(alice.userId(), { lifecycle.keyChanged(alice.userId()) } as Runnable)

        when:
        service.createBackup(alice)

        then:
        def stale = thrown(UnauthenticatedException)
        stale.code() == 'session.invalid'

        when:
        service.deleteBackup(alice, 'backup-1')

        then:
        thrown(UnauthenticatedException)
        backups.list(alice.userId())*.name() == ['backup-1']
    }

    def "an automatic backup of a login whose key went stale before it ran is skipped"() {
        given:
        def deferred = []
        def lazy = deferring(deferred)

        when:
        lazy.loggedIn(alice)
        lifecycle.exclusively(alice.userId(), { lifecycle.keyChanged(alice.userId()) } as Runnable)
        deferred*.run()

        then:
        backups.list(alice.userId()).isEmpty()
    }

    def "the automatic backup works on its own copy of the key, so a logout cannot pull it away"() {
        given:
        def deferred = []
        def lazy = deferring(deferred)

        when:
        lazy.loggedIn(alice)
        alice.key().destroy()
        deferred*.run()

        then:
        backups.list(alice.userId()).size() == 1
    }

    /** A service whose automatic backups wait in {@code deferred} until the spec runs them. */
    private BackupService deferring(List<Runnable> deferred) {
        new BackupService(new BackupService.Collaborators(backups, { user, key -> policy } as BackupPolicies,
                null, lifecycle, sessions, { Runnable task -> deferred << task }, { }, clock))
    }

    static Session session(String name) {
        new Session('token', UserId.random(), new Username(name), new MasterKey(([7] * 32) as byte[]), 0,
                Instant.EPOCH, Instant.EPOCH.plusSeconds(3600))
    }
}
