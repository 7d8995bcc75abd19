package dev.researchvault.adapter.http.session;

import dev.researchvault.adapter.http.problem.ProblemResponses;
import dev.researchvault.application.account.Session;
import dev.researchvault.application.account.SessionStore;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.annotation.Order;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import java.util.Optional;
import java.util.Set;

/**
 * Everything under {@code /api/v1} but registering and logging in needs a live session: the filter turns
 * the bearer token into the {@link Session} that controllers receive as a {@link CurrentSession} argument.
 */
@ServerFilter("/api/v1/**")
@Order(BearerTokenFilter.ORDER)
public class BearerTokenFilter {

    /**
     * Position among the request filters (lower runs first). Explicit so that filters which look at a request's
     * content can run after this one: a request without a session is a 401 whatever else is wrong with it.
     * Without an order a filter method runs last. The value of {@code ServerFilterPhase.SECURITY.order()} (an annotation
     * needs a constant), so after Micronaut's CORS filter ({@code ServerFilterPhase.METRICS.after()}, 9250): a 401
     * answered here then still carries the CORS headers an allowed browser origin needs to read it (at 1000 this filter
     * ran first, and a browser saw only a CORS failure).
     */
    public static final int ORDER = 39_000;

    /** The request attribute the session travels in, from this filter to {@link SessionArgumentBinder}. */
    static final String SESSION_ATTRIBUTE = "researchvault.session";

    private static final Set<String> OPEN_PATHS = Set.of("/api/v1/auth/register", "/api/v1/auth/login");
    private static final String BEARER = "Bearer ";

    private final SessionStore sessions;

    public BearerTokenFilter(SessionStore sessions) {
        this.sessions = sessions;
    }

    @RequestFilter
    @Nullable
    public HttpResponse<?> authenticate(HttpRequest<?> request) {
        if (OPEN_PATHS.contains(request.getPath())) {
            return null;
        }
        Optional<Session> session = bearerToken(request).flatMap(sessions::find);
        if (session.isEmpty()) {
            return ProblemResponses.of(HttpStatus.UNAUTHORIZED, "session.required",
                    "a valid session token is required (Authorization: Bearer <token>)");
        }
        request.setAttribute(SESSION_ATTRIBUTE, session.get());
        return null;
    }

    private static Optional<String> bearerToken(HttpRequest<?> request) {
        return request.getHeaders().findFirst(HttpHeaders.AUTHORIZATION)
                .filter(header -> header.regionMatches(true, 0, BEARER, 0, BEARER.length()))
                .map(header -> header.substring(BEARER.length()).trim());
    }
}
