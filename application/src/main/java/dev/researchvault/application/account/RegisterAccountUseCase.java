package dev.researchvault.application.account;

import dev.researchvault.domain.account.Username;

/** Creates an account and its encrypted vault. */
public interface RegisterAccountUseCase {

    /**
     * @throws dev.researchvault.domain.RuleViolationException bad username or password
     * @throws dev.researchvault.domain.ConflictException       {@code account.username-taken}
     */
    Username register(RegisterAccountCommand command);

    record RegisterAccountCommand(String username, String password) {
    }
}
