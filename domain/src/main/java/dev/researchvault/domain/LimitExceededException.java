package dev.researchvault.domain;

/** The input is larger than a configured limit (for example an upload). */
public final class LimitExceededException extends DomainException {

    public LimitExceededException(String code, String message) {
        super(code, message);
    }
}
