package dev.researchvault.adapter.http.problem;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * Errors the framework raises itself (no route, wrong method, unreadable JSON, body too large…) become
 * problem documents too. Their detail is fixed per status: framework messages can echo the client's input.
 * Three are told apart from their status first: a query parameter that does not convert
 * ({@link InvalidQueryParameter}), a missing body or one of the wrong JSON shape ({@link UnreadableBody}), and a
 * request line or header section that is too long
 * ({@link OversizedRequestHead}, which Micronaut reports as a 413 as if the body were too large).
 */
@Singleton
@Replaces(ErrorResponseProcessor.class)
public class ProblemErrorResponseProcessor implements ErrorResponseProcessor<Problem> {

    @Override
    public MutableHttpResponse<Problem> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        HttpStatus status = response.getStatus();
        Problem problem = context.getRootCause().flatMap(InvalidQueryParameter::of)
                .or(() -> status == HttpStatus.BAD_REQUEST ? context.getRootCause().flatMap(UnreadableBody::of)
                        : Optional.empty())
                .or(() -> OversizedRequestHead.of(context.getRequest(), status))
                .orElseGet(() -> Problem.of(status.getCode(), status.getReason(), codeOf(status), detailOf(status)));
        return response.status(problem.status()).contentType(Problem.MEDIA_TYPE).body(problem);
    }

    private static String codeOf(HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST -> "request.invalid";
            case UNAUTHORIZED -> "session.required";
            case NOT_FOUND -> "request.no-such-resource";
            case METHOD_NOT_ALLOWED -> "request.method-not-allowed";
            case NOT_ACCEPTABLE -> "request.not-acceptable";
            case REQUEST_ENTITY_TOO_LARGE -> "request.too-large";
            case UNSUPPORTED_MEDIA_TYPE -> "request.unsupported-media-type";
            default -> status.getCode() >= 500 ? "server.error" : "request.refused";
        };
    }

    private static String detailOf(HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST -> "the request is malformed: check the JSON syntax, field types and parameters";
            case NOT_FOUND -> "no such resource";
            case METHOD_NOT_ALLOWED -> "this method is not allowed on this resource";
            case REQUEST_ENTITY_TOO_LARGE -> "the request body is larger than allowed";
            case UNSUPPORTED_MEDIA_TYPE -> "this content type is not accepted here";
            default -> status.getReason();
        };
    }
}
