package dev.researchvault.application.account;

/** Proves a password by opening the vault with the key it derives, and starts a session. */
public interface LoginUseCase {

    /**
     * @throws dev.researchvault.domain.UnauthenticatedException the same for an unknown user and a wrong password
     * @throws dev.researchvault.domain.TooManyAttemptsException after repeated failures for the username
     */
    Session login(LoginCommand command);

    record LoginCommand(String username, String password) {
    }
}
