package dev.researchvault.application.account;

import dev.researchvault.domain.account.Password;
import dev.researchvault.domain.account.UserAccount;

/**
 * Deletes an account with its files and backups, once its password is proven again and its session is still
 * current. The account is marked deleted in memory under its lock, so a login already past its KDF and
 * waiting for the lock fails instead of opening a session on a vault about to vanish.
 */
public record DeleteAccount(AccountState state, PasswordProof proof) implements DeleteAccountUseCase {

    @Override
    public void deleteAccount(Session session, String password) {
        try (Password offered = Password.offered(password)) {
            UserAccount account = proof.accountOf(session);
            proof.prove(session, offered).destroy();
            state.endSessionsThen(session, () -> {
                // Marked first: a crash before the registry row goes rolls the deletion back at start-up, a
                // crash after it finishes the deletion (the marker says these files are ours to remove).
                state.vaults().beginDeletion(account.id());
                state.registry().remove(account.id());
                state.lifecycle().deleted(account.id());
                state.vaults().destroy(account.id());
            });
        }
    }
}
