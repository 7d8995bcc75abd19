package dev.researchvault.adapter.http.problem;

import dev.researchvault.domain.ConflictException;
import dev.researchvault.domain.DomainException;
import dev.researchvault.domain.ForbiddenException;
import dev.researchvault.domain.LimitExceededException;
import dev.researchvault.domain.NotFoundException;
import dev.researchvault.domain.RuleViolationException;
import dev.researchvault.domain.StorageFullException;
import dev.researchvault.domain.TooManyAttemptsException;
import dev.researchvault.domain.UnauthenticatedException;
import dev.researchvault.domain.UnavailableException;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds problem responses: the one place that maps domain errors to HTTP statuses. */
public final class ProblemResponses {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemResponses.class);

    private static final String BUSY_CODE = "vault.busy";
    /** A second: a writer turn rarely lasts longer, and clients should not hammer a busy vault. */
    private static final String BUSY_RETRY_AFTER_SECONDS = "1";

    /**
     * The status of each concrete type of the sealed {@link DomainException} family, by exact class: a subclass
     * does not inherit its parent's status ({@link StorageFullException} is an {@link UnavailableException}, yet
     * 507, not 503). {@code ProblemResponsesSpec} walks the family and fails when a type has no entry here.
     */
    private static final Map<Class<? extends DomainException>, HttpStatus> STATUSES = Map.of(
            NotFoundException.class, HttpStatus.NOT_FOUND,
            ConflictException.class, HttpStatus.CONFLICT,
            RuleViolationException.class, HttpStatus.BAD_REQUEST,
            UnauthenticatedException.class, HttpStatus.UNAUTHORIZED,
            // No WWW-Authenticate: the session is fine, only this step is refused.
            ForbiddenException.class, HttpStatus.FORBIDDEN,
            TooManyAttemptsException.class, HttpStatus.TOO_MANY_REQUESTS,
            LimitExceededException.class, HttpStatus.REQUEST_ENTITY_TOO_LARGE,
            UnavailableException.class, HttpStatus.SERVICE_UNAVAILABLE,
            // Nothing is wrong with the vault and reads go on: only this write found no room.
            StorageFullException.class, HttpStatus.INSUFFICIENT_STORAGE);

    private ProblemResponses() {
    }

    public static MutableHttpResponse<Problem> of(DomainException error) {
        HttpStatus status = statusOf(error);
        MutableHttpResponse<Problem> response = of(status, error.code(), error.getMessage());
        if (error instanceof RuleViolationException violation && !violation.fieldErrors().isEmpty()) {
            response.getBody().map(problem -> problem.withErrors(violation.fieldErrors())).ifPresent(response::body);
        }
        if (error instanceof TooManyAttemptsException throttled) {
            long seconds = Math.max(1, (throttled.retryAfter().toMillis() + 999) / 1000);
            response.header(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        }
        if (BUSY_CODE.equals(error.code())) {
            response.header(HttpHeaders.RETRY_AFTER, BUSY_RETRY_AFTER_SECONDS);
        }
        return response;
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

    /** The status mapped to exactly this type; empty for a type added to the family without one. */
    static Optional<HttpStatus> mappedStatus(Class<? extends DomainException> type) {
        return Optional.ofNullable(STATUSES.get(type));
    }

    private static HttpStatus statusOf(DomainException error) {
        return mappedStatus(error.getClass()).orElseGet(() -> {
            // Only reachable when ProblemResponsesSpec was not run: say so loudly rather than answer a silent 500.
            LOG.error("event=problem.unmapped type={} code={}", error.getClass().getName(), error.code());
            return HttpStatus.INTERNAL_SERVER_ERROR;
        });
    }
}
