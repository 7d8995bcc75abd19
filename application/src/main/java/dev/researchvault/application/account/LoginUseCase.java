package dev.researchvault.application.account;

/** Proves a password by opening the vault with the key it derives, and starts a session. */
public interface LoginUseCase {

    /**
     * @throws dev.researchvault.domain.UnauthenticatedException the same for an unknown user and a wrong password
     * @throws dev.researchvault.domain.TooManyAttemptsException after repeated failures for the username from
     *         the client's address, or while the username is slowed down after failures from many addresses
     */
    Session login(LoginCommand command);

    /** @param clientAddress where the attempt comes from, for throttling per account and address */
    record LoginCommand(String username, String password, String clientAddress) {

        public LoginCommand(String username, String password) {
            this(username, password, "");
        }
    }
}
