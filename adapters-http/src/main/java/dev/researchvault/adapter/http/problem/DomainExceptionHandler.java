package dev.researchvault.adapter.http.problem;

import dev.researchvault.domain.DomainException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Domain errors are expected outcomes: answered as problems, logged at DEBUG by code only. */
@Singleton
@Produces(Problem.MEDIA_TYPE)
public class DomainExceptionHandler implements ExceptionHandler<DomainException, HttpResponse<Problem>> {

    private static final Logger LOG = LoggerFactory.getLogger(DomainExceptionHandler.class);

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, DomainException exception) {
        LOG.debug("event=request.refused method={} code={}", request.getMethodName(), exception.code());
        return ProblemResponses.of(exception);
    }
}
