package dev.researchvault.adapter.http.problem;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import java.util.Arrays;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Anything unforeseen: 500 with an error id and nothing else. Storage failures (busy, full, damaged) never get
 * here: the persistence adapter turns them into domain errors ({@code StorageFailures}), answered by
 * {@link DomainExceptionHandler}. The log line names the exception type and where in our code it surfaced, but
 * not its message or stack trace: driver messages can quote SQL, and messages of any layer can quote user content.
 */
@Singleton
@Produces(Problem.MEDIA_TYPE)
public class UnexpectedExceptionHandler implements ExceptionHandler<Exception, HttpResponse<Problem>> {

    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedExceptionHandler.class);

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, Exception exception) {
        String errorId = UUID.randomUUID().toString();
        LOG.error("event=request.failed errorId={} method={} type={} at={}", errorId, request.getMethodName(),
                exception.getClass().getName(), firstFrameOfOurs(exception));
        return ProblemResponses.of(HttpStatus.INTERNAL_SERVER_ERROR, "server.error",
                "an unexpected error occurred (error id " + errorId + ")");
    }

    private static String firstFrameOfOurs(Throwable exception) {
        return Arrays.stream(exception.getStackTrace())
                .filter(frame -> frame.getClassName().startsWith("dev.researchvault."))
                .findFirst()
                .map(frame -> frame.getClassName() + "." + frame.getMethodName() + ":" + frame.getLineNumber())
                .orElse("outside our code");
    }
}
