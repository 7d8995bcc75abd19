package dev.researchvault.application.account

import dev.researchvault.application.vault.InMemoryTransactions
import dev.researchvault.application.vault.VaultWork
import dev.researchvault.application.account.LoginThrottleSpec.MutableClock
import dev.researchvault.application.support.FakeVaultKeys
import dev.researchvault.application.support.Gates
import dev.researchvault.application.support.InMemoryAccountRegistry
import dev.researchvault.application.support.InMemorySessionStore
import dev.researchvault.application.support.InMemoryVaultMetadata
import dev.researchvault.application.support.InMemoryVaults
import dev.researchvault.application.vault.InMemoryVaultScope
import dev.researchvault.domain.DomainException
import dev.researchvault.domain.account.UserAccount
import dev.researchvault.domain.account.UserId
import dev.researchvault.domain.account.Username
import dev.researchvault.domain.vault.MasterKey
import spock.lang.Specification

import java.time.Duration
import java.time.Instant
import java.util.concurrent.CompletableFuture
import java.util.concurrent.CopyOnWriteArrayList
import java.util.concurrent.TimeUnit

/**
 * The account use cases over in-memory fakes (no SQLite, no Micronaut), with helpers to run one of them on
 * another thread and to hold it at a gate of a fake. Throttle: three failures per name and address, six per
 * name, within 15 minutes; a slowed-down name takes one attempt per 5 seconds; no waiting for attempts in
 * flight.
 */
abstract class AccountFixture extends Specification {

    static final String PASSWORD = 'correct horse battery'
    static final String NEW_PASSWORD = 'staple battery horse'
    static final String ADDRESS = '10.0.0.1'

    MutableClock clock = new MutableClock(Instant.parse('2026-11-25T10:00:00Z'))
    InMemoryAccountRegistry registry = new InMemoryAccountRegistry()
    InMemoryVaults vaults = new InMemoryVaults()
    FakeVaultKeys keys = new FakeVaultKeys()
    InMemorySessionStore sessions = new InMemorySessionStore(clock)
    AccountLifecycle lifecycle = new AccountLifecycle(Duration.ofSeconds(10))
    LoginThrottle throttle = new LoginThrottle(new LoginThrottle.Limits(3, 6, Duration.ofMinutes(15),
            Duration.ofSeconds(5), Duration.ZERO), clock)
    InMemoryVaultScope vaultScope = new InMemoryVaultScope()
    InMemoryVaultMetadata metadata = new InMemoryVaultMetadata()
    RecordingEvents events = new RecordingEvents()
    long nanos
    List<Long> padded = new CopyOnWriteArrayList<>()
    FailedLoginPadding padding = new FailedLoginPadding({ nanos }, { padded << it })
    AccountState state = new AccountState(registry, vaults, sessions, lifecycle)
    PasswordProof proof = new PasswordProof(registry, keys, throttle, lifecycle)

    RegisterAccount registration = new RegisterAccount(registry, vaults, keys, clock)
    Login login = new Login(state, keys, throttle, padding, new LoginRecords(registry, new VaultWork(vaultScope, new InMemoryTransactions()), metadata, clock),
            events)
    Logout logout = new Logout(sessions)
    ChangePassword passwordChange = new ChangePassword(state, keys, proof, events)
    DeleteAccount deletion = new DeleteAccount(state, proof)

    def setup() {
        keys.elapse = { nanos += it }
    }

    UserAccount registered(String name = 'alice', String password = PASSWORD) {
        registration.register(new RegisterAccountUseCase.RegisterAccountCommand(name, password))
        account(name)
    }

    Session loggedIn(String name = 'alice', String password = PASSWORD, String address = ADDRESS) {
        login.login(new LoginUseCase.LoginCommand(name, password, address))
    }

    void changePassword(Session session, String current = PASSWORD, String next = NEW_PASSWORD) {
        passwordChange.changePassword(session, new ChangePasswordUseCase.ChangePasswordCommand(current, next))
    }

    UserAccount account(String name = 'alice') {
        registry.findByUsername(new Username(name)).orElse(null)
    }

    /** The stable code of what {@code work} threw, or 'ok'. */
    static String outcome(Closure work) {
        try {
            work()
            'ok'
        } catch (DomainException failure) {
            failure.code()
        }
    }

    /** Runs {@code work} on a thread of its own. */
    static Background inBackground(Closure work) {
        new Background(work, null)
    }

    /**
     * Runs {@code work} on a thread of its own until it reaches {@code point} of a fake's {@code gates}, and
     * keeps it there until {@link Background#release}.
     */
    static Background heldAt(Gates gates, String point, Closure work) {
        def gate = gates.arm(point)
        def held = new Background(work, gate)
        gate.awaitReached()
        held
    }

    /** Whether {@code password}, under the account's key parameters as registered now, opens all its files. */
    boolean opens(String name, String password) {
        def account = account(name)
        account != null && vaults.opensWith(account.id(), keys.keyOf(password, account.kdf()))
    }

    /** Every key a KDF handed out was wiped, but those live sessions hold. */
    boolean everyKeyWipedButSessions() {
        def live = sessions.live()*.key()
        keys.derived.every { key -> key.isDestroyed() || live.any { it.is(key) } }
    }

    /** A use case running on another thread, and what it answered. */
    static class Background {
        final CompletableFuture<Object> answer = new CompletableFuture<>()
        final Thread thread
        private final Gates.Gate gate

        Background(Closure work, Gates.Gate gate) {
            this.gate = gate
            thread = Thread.start {
                try {
                    answer.complete(work())
                } catch (Throwable failure) {
                    answer.completeExceptionally(failure)
                }
            }
        }

        /** Lets the thread go on past the gate it is held at. */
        void release() {
            gate.open()
        }

        /** Waits until the thread waits for an account's lock (held by another operation). */
        Background awaitWaitingForLock() {
            def deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10)
            while (!(thread.state == Thread.State.TIMED_WAITING
                    && thread.stackTrace.any { it.className == AccountLifecycle.name })) {
                assert System.nanoTime() < deadline: 'the thread never waited for the account lock'
                Thread.sleep(1)
            }
            this
        }

        /** The stable code of what the work threw, or 'ok'. */
        String outcome() {
            try {
                answer.get(10, TimeUnit.SECONDS)
                'ok'
            } catch (java.util.concurrent.ExecutionException failed) {
                if (failed.cause instanceof DomainException) {
                    return (failed.cause as DomainException).code()
                }
                throw failed.cause
            }
        }

        Object value() {
            answer.get(10, TimeUnit.SECONDS)
        }
    }

    /** The account events, with whether each came while its account's lock was held. */
    class RecordingEvents implements AccountEvents {
        final List<Session> logins = new CopyOnWriteArrayList<>()
        final List<Map> passwordChanges = new CopyOnWriteArrayList<>()
        final List<Boolean> underLock = new CopyOnWriteArrayList<>()

        @Override
        void loggedIn(Session session) {
            underLock << heldByThisThread(session.userId())
            logins << session
        }

        @Override
        void passwordChanged(UserId user, MasterKey newKey) {
            underLock << heldByThisThread(user)
            passwordChanges << [user: user, key: newKey.copyBytes()]
        }

        /** requireCurrent refuses to run outside the account's lock: a probe that changes nothing. */
        private boolean heldByThisThread(UserId user) {
            def probe = new Session('probe', user, new Username('probe'), null, lifecycle.generation(user),
                    Instant.EPOCH, Instant.EPOCH)
            try {
                lifecycle.requireCurrent(probe)
                true
            } catch (IllegalStateException outside) {
                false
            }
        }
    }
}
