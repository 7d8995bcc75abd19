package dev.researchvault.domain;

/**
 * The family of errors the domain reports. Each carries a stable {@link #code()} (for example
 * {@code research.not-found}) that the HTTP adapter puts into the problem type; messages are meant for
 * the person using the API and never contain keys, passwords, SQL or user content.
 *
 * <p>Stack traces are not captured: these are expected outcomes, cheap to raise and never logged as bugs.
 */
public abstract sealed class DomainException extends RuntimeException
        permits NotFoundException, ConflictException, RuleViolationException, UnauthenticatedException,
        TooManyAttemptsException, LimitExceededException, UnavailableException, ForbiddenException {

    private final String code;

    protected DomainException(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    /** Stable, dotted identifier of the error, e.g. {@code account.username-taken}. */
    public String code() {
        return code;
    }
}
