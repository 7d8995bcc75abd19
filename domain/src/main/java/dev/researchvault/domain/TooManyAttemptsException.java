package dev.researchvault.domain;

import java.time.Duration;

/** Too many failed attempts in a short time; the caller may try again after {@link #retryAfter()}. */
public final class TooManyAttemptsException extends DomainException {

    private final Duration retryAfter;

    public TooManyAttemptsException(String code, String message, Duration retryAfter) {
        super(code, message);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
