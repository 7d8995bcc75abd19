package dev.researchvault.application.account;

import dev.researchvault.domain.ForbiddenException;
import dev.researchvault.domain.account.AccountRegistry;
import dev.researchvault.domain.account.Password;
import dev.researchvault.domain.account.UserAccount;
import dev.researchvault.domain.vault.MasterKey;
import dev.researchvault.domain.vault.VaultKeys;

/**
 * Re-proves the password of a logged-in user before a sensitive step (password change, account deletion,
 * restore): the offered password must derive the session's key. Failures count towards the login throttle.
 */
public record PasswordProof(AccountRegistry registry, VaultKeys keys, LoginThrottle throttle,
                            AccountLifecycle lifecycle) {

    /** Re-proofs come from a logged-in session: they share one throttle "address" per name. */
    private static final String SESSION_ADDRESS = "session";

    /** The session's account as the registry has it now. */
    public UserAccount accountOf(Session session) {
        return registry.findByUsername(session.username())
                .filter(account -> account.id().equals(session.userId()))
                .orElseThrow(AccountErrors::invalidCredentials);
    }

    /**
     * The key {@code offered} derives, when it is the session's key; the caller wipes it.
     *
     * @throws ForbiddenException {@code account.password-mismatch} when the password is wrong (counted by the
     *                            login throttle like a failed login)
     */
    public MasterKey prove(Session session, Password offered) {
        UserAccount account = accountOf(session);
        try (LoginThrottle.Attempt attempt = throttle.begin(account.username().canonical(), SESSION_ADDRESS)) {
            MasterKey key = keys.derive(offered, account.kdf());
            if (!key.sameAs(session.key())) {
                key.destroy();
                attempt.failed();
                // A session ended by a password change elsewhere cannot match either: that is its 401, not a typo.
                if (!lifecycle.isCurrent(session)) {
                    throw AccountLifecycle.staleSession();
                }
                throw AccountErrors.passwordMismatch();
            }
            attempt.succeeded();
            return key;
        }
    }
}
