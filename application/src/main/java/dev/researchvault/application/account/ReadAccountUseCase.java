package dev.researchvault.application.account;

import java.time.Instant;

/** What a client shows of the caller's own account. */
public interface ReadAccountUseCase {

    /**
     * @param lastLoginAt the latest login (this session's, or a later one); null only if it could not be recorded
     * @param sessions    the caller's live sessions, this one included
     */
    record AccountView(String username, Instant createdAt, Instant lastLoginAt, int sessions) {
    }

    /** @throws dev.researchvault.domain.UnauthenticatedException when the account is gone */
    AccountView account(Session session);
}
