package dev.researchvault.application.account;

/** Ends one session; the session store wipes the user's key with their last one. */
public final class Logout implements LogoutUseCase {

    private final SessionStore sessions;

    public Logout(SessionStore sessions) {
        this.sessions = sessions;
    }

    @Override
    public void logout(String token) {
        sessions.close(token);
    }
}
