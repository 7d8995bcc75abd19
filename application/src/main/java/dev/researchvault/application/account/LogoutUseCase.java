package dev.researchvault.application.account;

/** Ends one session. */
public interface LogoutUseCase {

    /** Idempotent: an unknown token is simply ignored. */
    void logout(String token);
}
