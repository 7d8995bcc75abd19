package dev.researchvault.application.account;

import dev.researchvault.domain.ConflictException;
import dev.researchvault.domain.UnauthenticatedException;

/** The account errors, in one place so every path words them identically. */
final class AccountErrors {

    private AccountErrors() {
    }

    static UnauthenticatedException invalidCredentials() {
        return new UnauthenticatedException("account.invalid-credentials", "username or password is wrong");
    }

    static ConflictException usernameTaken() {
        return new ConflictException("account.username-taken", "this username is already registered");
    }
}
