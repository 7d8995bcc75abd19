package dev.researchvault.application.account;

import dev.researchvault.domain.account.UserAccount;
import java.util.Optional;

/**
 * Finishes or rolls back what a crash (or a failure) interrupted in an account's files — a password change, a
 * restore, a backup — before a login uses the account's key parameters
 * ({@link dev.researchvault.domain.vault.Vaults#recoverInterrupted}).
 */
final class InterruptedWork {

    private final AccountState state;

    InterruptedWork(AccountState state) {
        this.state = state;
    }

    /** Settles the account's files under its lock; answers the account as it is now. */
    UserAccount settle(UserAccount account) {
        return state.lifecycle().exclusively(account.id(), () -> {
            // Read again under the lock: what was read before may be stale. A password change that ran meanwhile
            // may have staged new key parameters and then failed half-way through swapping its copies in; told
            // "nothing staged", recovery would discard the rest of its copies and leave the files under two
            // keys (ChangePasswordSpec, "a change that failed after staging ..."). An account deleted meanwhile
            // is no longer found; its login then fails under the lock (AccountLifecycle.isDeleted).
            UserAccount now = state.registry().findByUsername(account.username())
                    .filter(found -> found.id().equals(account.id()))
                    .orElse(account);
            state.vaults().recoverInterrupted(now.id(), now.pendingKdf().isPresent());
            if (now.pendingKdf().isEmpty()) {
                return now;
            }
            state.registry().completeKdfChange(now.id());
            return new UserAccount(now.id(), now.username(), now.createdAt(), now.lastLoginAt(),
                    now.pendingKdf().get(), Optional.empty());
        });
    }
}
