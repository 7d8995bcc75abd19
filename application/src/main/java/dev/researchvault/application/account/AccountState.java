package dev.researchvault.application.account;

import dev.researchvault.domain.account.AccountRegistry;
import dev.researchvault.domain.vault.Vaults;

/**
 * Where an account's state lives, for the use cases that change it (login, password change, deletion): the
 * registry row, the encrypted files, the live sessions, and the lifecycle that serialises changes to all
 * three (docs/architecture.md, "The life of a vault").
 */
public record AccountState(AccountRegistry registry, Vaults vaults, SessionStore sessions,
                           AccountLifecycle lifecycle) {

    /**
     * Runs {@code change} under the account's lock, once {@code session} is proven still current, after
     * ending every session of the user: no request of theirs writes while their key or files change.
     *
     * @throws dev.researchvault.domain.UnauthenticatedException {@code session.invalid} when a password change
     *         or deletion came after the session's login; nothing is changed then
     */
    public void endSessionsThen(Session session, Runnable change) {
        lifecycle.exclusively(session.userId(), () -> {
            lifecycle.requireCurrent(session);
            sessions.closeAll(session.userId());
            change.run();
        });
    }
}
