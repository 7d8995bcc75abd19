package dev.researchvault.application.account;

import dev.researchvault.domain.ConflictException;
import dev.researchvault.domain.ForbiddenException;
import dev.researchvault.domain.UnauthenticatedException;

/** The account errors, in one place so every path words them identically. */
final class AccountErrors {

    private AccountErrors() {
    }

    static UnauthenticatedException invalidCredentials() {
        return new UnauthenticatedException("account.invalid-credentials", "username or password is wrong");
    }

    /**
     * A logged-in user's confirmation password is wrong: a 403, not a 401, because the session is still good and a
     * client that logs out on every 401 must not drop it.
     */
    static ForbiddenException passwordMismatch() {
        return new ForbiddenException("account.password-mismatch", "the password is wrong");
    }

    static ConflictException usernameTaken() {
        return new ConflictException("account.username-taken", "this username is already registered");
    }
}
