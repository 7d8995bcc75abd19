package dev.researchvault.application.account;

import dev.researchvault.domain.RuleViolationException;
import dev.researchvault.domain.account.KdfParameters;
import dev.researchvault.domain.account.Password;
import dev.researchvault.domain.account.UserAccount;
import dev.researchvault.domain.account.Username;
import dev.researchvault.domain.vault.VaultKeys;
import java.util.Optional;

/**
 * Proves a password and starts a session. There is no password hash: a password is right when the key it
 * derives opens the user's vault. Unknown users run the same KDF against a decoy, and failures are padded to
 * the same duration ({@link FailedLoginPadding}), so an unknown name cannot be told from a wrong password.
 *
 * <p>The attempt is counted by the {@link LoginThrottle} before anything slow runs; crash leftovers are settled
 * under the account's lock; the slow KDF runs outside it; then, under the lock again, the key is proven
 * against the files as they are now (docs/architecture.md, "The life of a vault").
 */
public final class Login implements LoginUseCase {

    private final AccountState state;
    private final VaultKeys keys;
    private final LoginThrottle throttle;
    private final FailedLoginPadding padding;
    private final LoginRecords records;
    private final AccountEvents events;
    private final InterruptedWork interrupted;
    private final KdfParameters decoyParameters;

    public Login(AccountState state, VaultKeys keys, LoginThrottle throttle, FailedLoginPadding padding,
                 LoginRecords records, AccountEvents events) {
        this.state = state;
        this.keys = keys;
        this.throttle = throttle;
        this.padding = padding;
        this.records = records;
        this.events = events;
        this.interrupted = new InterruptedWork(state);
        this.decoyParameters = keys.freshParameters();
    }

    @Override
    public Session login(LoginCommand command) {
        Optional<Username> username = parseUsername(command.username());
        long started = padding.start();
        try (LoginThrottle.Attempt attempt = throttle.begin(username.map(Username::canonical).orElse(""),
                command.clientAddress());
             Password password = Password.offered(command.password())) {
            Optional<UserAccount> account = username.flatMap(state.registry()::findByUsername)
                    .map(interrupted::settle);
            if (account.isEmpty()) {
                try (KeyInHand decoyKey = new KeyInHand(keys.derive(password, decoyParameters))) {
                    state.vaults().unlockDecoy(decoyKey.key());
                }
                padding.pad(true, started);
                attempt.failed();
                throw AccountErrors.invalidCredentials();
            }
            UserAccount user = account.get();
            Optional<Session> opened;
            try (KeyInHand key = new KeyInHand(keys.derive(password, user.kdf()))) {
                opened = state.lifecycle().exclusively(user.id(), () -> unlockAndOpen(user, key));
            }
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
    private Optional<Session> unlockAndOpen(UserAccount user, KeyInHand key) {
        AccountLifecycle lifecycle = state.lifecycle();
        if (lifecycle.isDeleted(user.id()) || !state.vaults().unlock(user.id(), key.key(), user.kdf())) {
            return Optional.empty();
        }
        records.recordLogin(user);
        boolean vaultUsable = records.recordUnlock(user, key.key());
        Session session = state.sessions().open(user, key.handOver(), lifecycle.generation(user.id()));
        if (vaultUsable) {
            // Still under the lock: a password change or deletion waiting for it cannot wipe the session's key
            // before the listeners copied it. A damaged vault gets no automatic backup or migration.
            events.loggedIn(session);
        }
        return Optional.of(session);
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
