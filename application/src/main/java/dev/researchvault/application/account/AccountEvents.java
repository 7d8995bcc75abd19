package dev.researchvault.application.account;

import dev.researchvault.domain.account.UserId;
import dev.researchvault.domain.vault.MasterKey;

/** What other areas hear from the account flows (backups react to both). */
public interface AccountEvents {

    AccountEvents NONE = new AccountEvents() {
        @Override
        public void loggedIn(Session session) {
        }

        @Override
        public void passwordChanged(UserId user, MasterKey newKey) {
        }
    };

    /** After a successful login; must return quickly (login waits for it). */
    void loggedIn(Session session);

    /** After both files were re-keyed; {@code newKey} is wiped when this returns. */
    void passwordChanged(UserId user, MasterKey newKey);
}
