package dev.researchvault.application.account;

import dev.researchvault.domain.RuleViolationException;
import dev.researchvault.domain.UnavailableException;
import dev.researchvault.domain.UnauthenticatedException;
import dev.researchvault.domain.account.AccountRegistry;
import dev.researchvault.domain.account.KdfParameters;
import dev.researchvault.domain.account.Password;
import dev.researchvault.domain.account.UserAccount;
import dev.researchvault.domain.account.UserId;
import dev.researchvault.domain.account.Username;
import dev.researchvault.application.vault.VaultScope;
import dev.researchvault.domain.vault.MasterKey;
import dev.researchvault.domain.vault.VaultMetadata;
import dev.researchvault.domain.vault.VaultKeys;
import dev.researchvault.domain.vault.Vaults;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accounts and sessions. There is no password hash: a password is right when the key it derives opens the
 * user's vault. Unknown users run the same KDF against a decoy, so both failures look and last the same.
 *
 * <p>Every step that changes an account's key, files or sessions runs under the account's lock in
 * {@link AccountLifecycle}; the slow KDF runs before taking it, and what was read before is checked again
 * under it (docs/architecture.md, "The life of a vault").
 */
public final class AccountService implements RegisterAccountUseCase, LoginUseCase, LogoutUseCase,
        ChangePasswordUseCase, DeleteAccountUseCase {

    private static final Logger LOG = LoggerFactory.getLogger(AccountService.class);

    private final AccountRegistry registry;
    private final Vaults vaults;
    private final VaultKeys keys;
    private final SessionStore sessions;
    private final LoginThrottle throttle;
    private final VaultScope vaultScope;
    private final VaultMetadata metadata;
    private final PasswordProof proof;
    private final AccountEvents events;
    private final AccountLifecycle lifecycle;
    private final Clock clock;
    private final KdfParameters decoyParameters;
    private final FailedLoginPadding padding;

    /** Collaborators of the account flows, grouped because they always travel together. */
    public record Collaborators(AccountRegistry registry, Vaults vaults, VaultKeys keys, SessionStore sessions,
                                LoginThrottle throttle, VaultScope vaultScope, VaultMetadata metadata,
                                AccountEvents events, AccountLifecycle lifecycle, Clock clock,
                                FailedLoginPadding padding) {
    }

    public AccountService(Collaborators with) {
        this.registry = with.registry();
        this.vaults = with.vaults();
        this.keys = with.keys();
        this.sessions = with.sessions();
        this.throttle = with.throttle();
        this.vaultScope = with.vaultScope();
        this.metadata = with.metadata();
        this.events = with.events();
        this.lifecycle = with.lifecycle();
        this.clock = with.clock();
        this.padding = with.padding();
        this.proof = new PasswordProof(registry, keys, throttle);
        this.decoyParameters = keys.freshParameters();
    }

    @Override
    public Username register(RegisterAccountCommand command) {
        Username username = new Username(command.username());
        try (Password password = Password.newPassword(command.password())) {
            if (registry.findByUsername(username).isPresent()) {
                throw AccountErrors.usernameTaken();
            }
            UserAccount account = UserAccount.registered(UserId.random(), username, clock.instant(),
                    keys.freshParameters());
            MasterKey key = keys.derive(password, account.kdf());
            try {
                vaults.create(account.id(), key, account.kdf());
            } finally {
                key.destroy();
            }
            try {
                registry.add(account);
            } catch (RuntimeException failure) {
                // A concurrent registration took the name, or the registry failed: the new files must go.
                vaults.destroy(account.id());
                throw failure;
            }
            vaults.creationCommitted(account.id());
            return username;
        }
    }

    @Override
    public Session login(LoginCommand command) {
        Optional<Username> username = parseUsername(command.username());
        long started = padding.start();
        try (LoginThrottle.Attempt attempt = throttle.begin(username.map(Username::canonical).orElse(""),
                command.clientAddress());
             Password password = Password.offered(command.password())) {
            Optional<UserAccount> account = username.flatMap(registry::findByUsername).map(this::recovered);
            if (account.isEmpty()) {
                MasterKey decoyKey = keys.derive(password, decoyParameters);
                vaults.unlockDecoy(decoyKey);
                decoyKey.destroy();
                padding.pad(true, started);
                attempt.failed();
                throw AccountErrors.invalidCredentials();
            }
            UserAccount user = account.get();
            MasterKey key = keys.derive(password, user.kdf());
            Optional<Session> opened = lifecycle.exclusively(user.id(), () -> unlockAndOpen(user, key));
            if (opened.isEmpty()) {
                padding.pad(false, started);
                attempt.failed();
                throw AccountErrors.invalidCredentials();
            }
            attempt.succeeded();
            return opened.get();
        }
    }

    /**
     * Under the account's lock no password change, restore or deletion is half-way, so a key that opens the
     * files now is the account's current key, and the session carries the generation it was proven for. A
     * login that derived its key before a password change committed fails here (the old key no longer
     * opens the files); one that got in before is ended by the change.
     */
    private Optional<Session> unlockAndOpen(UserAccount user, MasterKey key) {
        if (lifecycle.isDeleted(user.id()) || !vaults.unlock(user.id(), key, user.kdf())) {
            key.destroy();
            return Optional.empty();
        }
        recordLogin(user);
        boolean vaultUsable = recordUnlock(user, key);
        Session session = sessions.open(user, key, lifecycle.generation(user.id()));
        if (vaultUsable) {
            // Still under the lock: a password change or deletion waiting for it cannot wipe the session's key
            // before the listeners copied it. A damaged vault gets no automatic backup or migration.
            events.loggedIn(session);
        }
        return Optional.of(session);
    }

    @Override
    public void logout(String token) {
        sessions.close(token);
    }

    @Override
    public void changePassword(Session session, ChangePasswordCommand command) {
        try (Password newPassword = Password.newPassword(command.newPassword());
             Password currentPassword = Password.offered(command.currentPassword())) {
            UserAccount account = proof.accountOf(session);
            MasterKey currentKey = proof.prove(session, currentPassword);
            KdfParameters newParameters = keys.freshParameters();
            MasterKey newKey = keys.derive(newPassword, newParameters);
            try {
                lifecycle.exclusively(account.id(), () -> {
                    lifecycle.requireCurrent(session);
                    // Sessions end first, so no request of this user writes while the files are re-encrypted.
                    sessions.closeAll(account.id());
                    vaults.rekey(account.id(), currentKey, newKey, newParameters,
                            () -> registry.stageKdfChange(account.id(), newParameters));
                    registry.completeKdfChange(account.id());
                    lifecycle.keyChanged(account.id());
                    events.passwordChanged(account.id(), newKey);
                });
            } finally {
                currentKey.destroy();
                newKey.destroy();
            }
        }
    }

    @Override
    public void deleteAccount(Session session, String password) {
        try (Password offered = Password.offered(password)) {
            UserAccount account = proof.accountOf(session);
            proof.prove(session, offered).destroy();
            lifecycle.exclusively(account.id(), () -> {
                lifecycle.requireCurrent(session);
                sessions.closeAll(account.id());
                // Marked first: a crash before the registry row goes rolls the deletion back at start-up, a
                // crash after it finishes the deletion (the marker says these files are ours to remove).
                vaults.beginDeletion(account.id());
                registry.remove(account.id());
                lifecycle.deleted(account.id());
                vaults.destroy(account.id());
            });
        }
    }

    /**
     * Finishes or rolls back what a crash interrupted (a password change, a restore, a backup) before the
     * account's key parameters are used, under the account's lock; answers the account as it is now.
     */
    private UserAccount recovered(UserAccount account) {
        return lifecycle.exclusively(account.id(), () -> {
            // A pending change seen outside the lock may be one this process was running then: read again.
            // Without one there is nothing to re-read: only a change holding this lock could stage one, and it
            // completes before releasing it.
            UserAccount now = account.pendingKdf().isEmpty() ? account
                    : registry.findByUsername(account.username())
                            .filter(found -> found.id().equals(account.id()))
                            .orElse(account);
            vaults.recoverInterrupted(now.id(), now.pendingKdf().isPresent());
            if (now.pendingKdf().isEmpty()) {
                return now;
            }
            registry.completeKdfChange(now.id());
            return new UserAccount(now.id(), now.username(), now.createdAt(), now.lastLoginAt(),
                    now.pendingKdf().get(), Optional.empty());
        });
    }

    /** The login time is informative: a registry that cannot be written (full disk) must not stop a login. */
    private void recordLogin(UserAccount user) {
        try {
            registry.recordLogin(user.id(), clock.instant());
        } catch (UnavailableException full) {
            LOG.warn("event=login.time-not-recorded user={} code={}", user.id(), full.code());
        }
    }

    /**
     * Writes the unlock time into the vault; false when the vault cannot be used (damaged). A vault that
     * opens but cannot be written (full disk) is usable for reading.
     */
    private boolean recordUnlock(UserAccount user, MasterKey key) {
        String now = clock.instant().toString();
        try {
            vaultScope.call(user.id(), key, () -> {
                metadata.put(VaultMetadata.LAST_UNLOCKED_AT, now);
                return null;
            });
            return true;
        } catch (UnavailableException unusable) {
            if (unusable.code().startsWith("storage.")) {
                // Full or read-only storage: the vault opened and reads work; only this write was refused.
                LOG.warn("event=login.unlock-time-not-recorded user={} code={}", user.id(), unusable.code());
                return true;
            }
            LOG.warn("event=login.vault-unusable user={} code={}", user.id(), unusable.code());
            return false;
        }
    }

    private static Optional<Username> parseUsername(String text) {
        try {
            return Optional.of(new Username(text));
        } catch (RuleViolationException malformed) {
            // A name that cannot exist is answered like an unknown one: same status, same time.
            return Optional.empty();
        }
    }
}
