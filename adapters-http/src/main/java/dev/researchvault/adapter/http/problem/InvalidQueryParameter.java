package dev.researchvault.adapter.http.problem;

import dev.researchvault.domain.PageRequest;
import io.micronaut.core.annotation.AnnotationMetadata;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.QueryValue;
import java.util.Map;
import java.util.Optional;

/**
 * A query parameter the framework could not convert to its declared type ({@code page=99999999999} for an int,
 * {@code size=1e3}): 400 {@value #CODE} naming the parameter and what it takes, never the value sent. Without
 * this it was the generic 400 that points at the JSON syntax. Numbers that convert but break a rule (a negative
 * page) are refused by the domain with their own codes.
 */
final class InvalidQueryParameter {

    static final String CODE = "request.invalid-parameter";

    /** What the paging parameters of every list take (the domain's PageRequest), tighter than their Java type. */
    private static final Map<String, String> PAGING = Map.of(
            "page", "a whole number between 0 and " + Integer.MAX_VALUE,
            "size", "a whole number between 1 and " + PageRequest.MAX_SIZE);

    private InvalidQueryParameter() {
    }

    /** The problem, when {@code cause} is a query parameter that could not be converted. */
    static Optional<Problem> of(Throwable cause) {
        if (!(cause instanceof ConversionErrorException conversion)) {
            return Optional.empty();
        }
        Argument<?> argument = conversion.getArgument();
        AnnotationMetadata annotations = argument.getAnnotationMetadata();
        if (!annotations.hasStereotype(QueryValue.class)) {
            return Optional.empty();
        }
        // The name comes from our own declaration, never from the request.
        String name = annotations.stringValue(QueryValue.class).filter(value -> !value.isBlank()).orElse(argument.getName());
        String takes = PAGING.getOrDefault(name, byType(argument.getType()));
        HttpStatus status = HttpStatus.BAD_REQUEST;
        return Optional.of(Problem.of(status.getCode(), status.getReason(), CODE, name + " must be " + takes));
    }

    private static String byType(Class<?> type) {
        if (type == int.class || type == Integer.class) {
            return "a whole number between " + Integer.MIN_VALUE + " and " + Integer.MAX_VALUE;
        }
        if (type == long.class || type == Long.class) {
            return "a whole number between " + Long.MIN_VALUE + " and " + Long.MAX_VALUE;
        }
        if (type == double.class || type == Double.class || type == float.class || type == Float.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        return "in the form the API description gives";
    }
}
