package dev.researchvault.application.account;

/** Ends one session; the session store wipes the user's key with their last one. */
public record Logout(SessionStore sessions) implements LogoutUseCase {

    @Override
    public void logout(String token) {
        sessions.close(token);
    }
}
