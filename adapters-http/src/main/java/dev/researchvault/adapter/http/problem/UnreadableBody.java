package dev.researchvault.adapter.http.problem;

import dev.researchvault.adapter.http.json.LenientJsonException;
import io.micronaut.http.HttpStatus;
import io.micronaut.web.router.exceptions.UnsatisfiedBodyRouteException;
import java.util.Optional;

/**
 * Bodies the framework cannot bind, told apart from the generic "the request is malformed" so a client learns
 * which mistake it made: no body at all where one is needed, a JSON object where the endpoint takes an array (or
 * the reverse), and JSON that binds only by leniency ({@link LenientJsonException}: content after the value, a
 * one-element array for a single value). The code stays {@code request.invalid}; only the detail is more precise.
 * The detail is ours: the framework's message is read for its token names only, never passed on (it could quote
 * input).
 */
final class UnreadableBody {

    private static final String CODE = "request.invalid";
    /** Micronaut Serde's wording when a value starts with another JSON token than the type needs. */
    private static final String UNEXPECTED = "Unexpected token ";

    private UnreadableBody() {
    }

    /** The problem, when {@code cause} (or a cause of it) is one of these. */
    static Optional<Problem> of(Throwable cause) {
        for (Throwable current = cause; current != null; current = current.getCause()) {
            if (current instanceof UnsatisfiedBodyRouteException) {
                return problem("the request needs a JSON body, and none was sent");
            }
            if (current instanceof LenientJsonException lenient) {
                return problem(lenient.getMessage());
            }
            String message = current.getMessage() == null ? "" : current.getMessage();
            if (message.contains(UNEXPECTED + "START_OBJECT")) {
                return problem("the body (or a member of it) is a JSON object where an array belongs");
            }
            if (message.contains(UNEXPECTED + "START_ARRAY")) {
                return problem("the body (or a member of it) is a JSON array where an object or a single value belongs");
            }
        }
        return Optional.empty();
    }

    private static Optional<Problem> problem(String detail) {
        HttpStatus status = HttpStatus.BAD_REQUEST;
        return Optional.of(Problem.of(status.getCode(), status.getReason(), CODE, detail));
    }
}
