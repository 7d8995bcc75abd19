package dev.researchvault.domain;

import java.util.List;
import java.util.Objects;

/**
 * The input breaks a rule of the domain: bad format, out of range, too short. When several parts of one input are
 * wrong, {@link #fieldErrors()} names each, so a form can mark every field at once.
 */
public final class RuleViolationException extends DomainException {

    private final List<FieldError> fieldErrors;

    public RuleViolationException(String code, String message) {
        this(code, message, List.of());
    }

    public RuleViolationException(String code, String message, List<FieldError> fieldErrors) {
        super(code, message);
        this.fieldErrors = List.copyOf(fieldErrors);
    }

    /** Every part of the input that was refused; empty when the error is about the input as a whole. */
    public List<FieldError> fieldErrors() {
        return fieldErrors;
    }

    /**
     * One refused part of an input.
     *
     * @param field the part's name: a body property, a setting's key, or an item's index in a batch ({@code 3})
     */
    public record FieldError(String field, String code, String message) {
        public FieldError {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(message, "message");
        }

        /** {@code error}, placed at {@code field}. */
        public static FieldError of(String field, DomainException error) {
            return new FieldError(field, error.code(), error.getMessage());
        }
    }
}
