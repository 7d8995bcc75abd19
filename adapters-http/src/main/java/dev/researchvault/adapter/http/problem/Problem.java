package dev.researchvault.adapter.http.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.researchvault.domain.RuleViolationException.FieldError;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * An RFC 9457 problem document. {@code type} ends in the stable error code, which is also given alone in
 * {@code code} for clients that prefer not to parse URIs. {@code detail} is written for people and never
 * carries keys, passwords, SQL, stack traces or the client's own input. {@code errors} (an extension member,
 * left out when empty) lists every refused field of the input at once, so a form can mark them all.
 */
@Serdeable
public record Problem(String type, String title, int status, String detail, String code,
                      @JsonInclude(JsonInclude.Include.NON_EMPTY) @Nullable List<FieldProblem> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://researchvault.dev/problems/";

    public static Problem of(int status, String title, String code, String detail) {
        return new Problem(TYPE_BASE + code, title, status, detail, code, List.of());
    }

    /** This problem with {@code fieldErrors} listed. */
    public Problem withErrors(List<FieldError> fieldErrors) {
        return new Problem(type, title, status, detail, code,
                fieldErrors.stream().map(error -> new FieldProblem(error.field(), error.code(), error.message())).toList());
    }

    /** One refused field: its name (or an item's index), the error's code and a message for people. */
    @Serdeable
    public record FieldProblem(String field, String code, String message) {
    }
}
