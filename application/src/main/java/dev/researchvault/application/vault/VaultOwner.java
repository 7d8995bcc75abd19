package dev.researchvault.application.vault;

import dev.researchvault.domain.account.UserId;
import dev.researchvault.domain.vault.MasterKey;

/** Whose vault a piece of work runs in, and the key that opens it: a session, usually. */
public interface VaultOwner {

    UserId userId();

    MasterKey key();

    /** An owner that is not a session: a job that runs for a user with a key it was handed (login, backups). */
    static VaultOwner of(UserId user, MasterKey key) {
        return new Plain(user, key);
    }

    /** {@link #of}'s value; its {@code toString} leaves the key out. */
    record Plain(UserId userId, MasterKey key) implements VaultOwner {
        @Override
        public String toString() {
            return "VaultOwner[" + userId + "]";
        }
    }
}
