package dev.researchvault.application.account;

import dev.researchvault.domain.account.UserAccount;
import java.util.Optional;

/**
 * Finishes or rolls back what a crash (or a failure) interrupted in an account's files — a password change, a
 * restore, a backup — before a login uses the account's key parameters (`Vaults.recoverInterrupted`).
 */
final class InterruptedWork {

    private final AccountState state;

    InterruptedWork(AccountState state) {
        this.state = state;
    }

    /** Settles the account's files under its lock; answers the account as it is now. */
    UserAccount settle(UserAccount account) {
        return state.lifecycle().exclusively(account.id(), () -> {
            // A pending change seen outside the lock may be one this process was running then: read again.
            // Without one there is nothing to re-read: only a change holding this lock could stage one, and it
            // completes before releasing it.
            UserAccount now = account.pendingKdf().isEmpty() ? account
                    : state.registry().findByUsername(account.username())
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
