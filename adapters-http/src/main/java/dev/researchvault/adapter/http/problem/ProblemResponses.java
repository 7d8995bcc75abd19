package dev.researchvault.adapter.http.problem;

import dev.researchvault.domain.ConflictException;
import dev.researchvault.domain.DomainException;
import dev.researchvault.domain.LimitExceededException;
import dev.researchvault.domain.NotFoundException;
import dev.researchvault.domain.RuleViolationException;
import dev.researchvault.domain.TooManyAttemptsException;
import dev.researchvault.domain.UnauthenticatedException;
import dev.researchvault.domain.UnavailableException;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;

/** Builds problem responses: the one place that maps domain errors to HTTP statuses. */
public final class ProblemResponses {

    private static final String BUSY_CODE = "vault.busy";
    /** A second: a writer turn rarely lasts longer, and clients should not hammer a busy vault. */
    private static final String BUSY_RETRY_AFTER_SECONDS = "1";

    private ProblemResponses() {
    }

    public static MutableHttpResponse<Problem> of(DomainException error) {
        HttpStatus status = statusOf(error);
        MutableHttpResponse<Problem> response = of(status, error.code(), error.getMessage());
        if (error instanceof TooManyAttemptsException throttled) {
            long seconds = Math.max(1, (throttled.retryAfter().toMillis() + 999) / 1000);
            response.header(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        }
        if (BUSY_CODE.equals(error.code())) {
            response.header(HttpHeaders.RETRY_AFTER, BUSY_RETRY_AFTER_SECONDS);
        }
        return response;
    }

    /**
     * 503 {@code vault.busy}: the user's other writes held the vault past the busy timeout. Nothing is wrong
     * with the files; the same request a moment later normally succeeds, so the answer says when to retry.
     */
    public static MutableHttpResponse<Problem> busy() {
        return of(HttpStatus.SERVICE_UNAVAILABLE, BUSY_CODE, "the vault is busy with other writes; try again shortly")
                .header(HttpHeaders.RETRY_AFTER, BUSY_RETRY_AFTER_SECONDS);
    }

    public static MutableHttpResponse<Problem> of(HttpStatus status, String code, String detail) {
        MutableHttpResponse<Problem> response = HttpResponse.<Problem>status(status)
                .contentType(Problem.MEDIA_TYPE)
                .body(Problem.of(status.getCode(), status.getReason(), code, detail));
        if (status == HttpStatus.UNAUTHORIZED) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        return response;
    }

    static HttpStatus statusOf(DomainException error) {
        if (error instanceof NotFoundException) {
            return HttpStatus.NOT_FOUND;
        }
        if (error instanceof ConflictException) {
            return HttpStatus.CONFLICT;
        }
        if (error instanceof RuleViolationException) {
            return HttpStatus.BAD_REQUEST;
        }
        if (error instanceof UnauthenticatedException) {
            return HttpStatus.UNAUTHORIZED;
        }
        if (error instanceof TooManyAttemptsException) {
            return HttpStatus.TOO_MANY_REQUESTS;
        }
        if (error instanceof LimitExceededException) {
            return HttpStatus.REQUEST_ENTITY_TOO_LARGE;
        }
        if (error instanceof UnavailableException) {
            return HttpStatus.SERVICE_UNAVAILABLE;
        }
        return HttpStatus.INTERNAL_SERVER_ERROR;
    }
}
