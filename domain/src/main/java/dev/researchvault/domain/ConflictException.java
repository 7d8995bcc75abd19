package dev.researchvault.domain;

/** The request clashes with the current state, e.g. a taken username or an illegal status change. */
public final class ConflictException extends DomainException {

    public ConflictException(String code, String message) {
        super(code, message);
    }
}
