package dev.researchvault.application.account;

/** Deletes the account with every file and backup it owns. */
public interface DeleteAccountUseCase {

    /** @throws dev.researchvault.domain.UnauthenticatedException the password is wrong */
    void deleteAccount(Session session, String password);
}
