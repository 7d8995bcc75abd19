package dev.researchvault.domain;

/** Credentials or a session token were not accepted. Never says which part was wrong. */
public final class UnauthenticatedException extends DomainException {

    public UnauthenticatedException(String code, String message) {
        super(code, message);
    }
}
