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
    private final Clock clock;
    private final KdfParameters decoyParameters;
    private final FailedLoginPadding padding;

    /** Collaborators of the account flows, grouped because they always travel together. */
    public record Collaborators(AccountRegistry registry, Vaults vaults, VaultKeys keys, SessionStore sessions,
                                LoginThrottle throttle, VaultScope vaultScope, VaultMetadata metadata,
                                AccountEvents events, Clock clock, FailedLoginPadding padding) {
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
                vaults.create(account.id(), key);
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
            return username;
        }
    }

    @Override
    public Session login(LoginCommand command) {
        Optional<Username> username = parseUsername(command.username());
        String throttleKey = username.map(Username::canonical).orElse("");
        throttle.checkAllowed(throttleKey);
        long started = padding.start();
        try (Password password = Password.offered(command.password())) {
            Optional<UserAccount> account = username.flatMap(registry::findByUsername);
            if (account.isEmpty()) {
                MasterKey decoyKey = keys.derive(password, decoyParameters);
                vaults.unlockDecoy(decoyKey);
                decoyKey.destroy();
                padding.pad(true, started);
                throw failedLogin(throttleKey);
            }
            UserAccount user = recoverInterruptedPasswordChange(account.get());
            MasterKey key = keys.derive(password, user.kdf());
            if (!vaults.unlock(user.id(), key)) {
                key.destroy();
                padding.pad(false, started);
                throw failedLogin(throttleKey);
            }
            throttle.recordSuccess(throttleKey);
            registry.recordLogin(user.id(), clock.instant());
            boolean vaultUsable = recordUnlock(user, key);
            Session session = sessions.open(user, key);
            if (vaultUsable) {
                // A damaged vault gets no automatic backup or migration: its owner restores instead.
                events.loggedIn(session);
            }
            return session;
        }
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
                // Sessions end first, so no request of this user writes while the files are re-encrypted.
                sessions.closeAll(session.userId());
                vaults.rekey(account.id(), currentKey, newKey,
                        () -> registry.stageKdfChange(account.id(), newParameters));
                registry.completeKdfChange(account.id());
                events.passwordChanged(account.id(), newKey);
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
            sessions.closeAll(account.id());
            // The registry row goes first: a crash half-way then leaves only unreadable, unreferenced files.
            registry.remove(account.id());
            vaults.destroy(account.id());
        }
    }

    /** Writes the unlock time into the vault; false when the vault cannot be used (damaged). */
    private boolean recordUnlock(UserAccount user, MasterKey key) {
        String now = clock.instant().toString();
        try {
            vaultScope.call(user.id(), key, () -> {
                metadata.put(VaultMetadata.LAST_UNLOCKED_AT, now);
                return null;
            });
            return true;
        } catch (UnavailableException damaged) {
            LOG.warn("event=login.vault-unusable user={} code={}", user.id(), damaged.code());
            return false;
        }
    }

    private UserAccount recoverInterruptedPasswordChange(UserAccount account) {
        vaults.recoverRekey(account.id(), account.pendingKdf().isPresent());
        if (account.pendingKdf().isEmpty()) {
            return account;
        }
        registry.completeKdfChange(account.id());
        return new UserAccount(account.id(), account.username(), account.createdAt(), account.lastLoginAt(),
                account.pendingKdf().get(), Optional.empty());
    }

    private UnauthenticatedException failedLogin(String throttleKey) {
        throttle.recordFailure(throttleKey);
        return AccountErrors.invalidCredentials();
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
