package dev.researchvault.domain;

import dev.researchvault.domain.RuleViolationException.FieldError;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Checks of several parts of one input that go on past the first refusal, so a client learns every refused part at
 * once (a form marks all its wrong fields). Not thread-safe: one per input.
 */
public final class FieldChecks {

    private final List<FieldError> refused = new ArrayList<>();
    private RuleViolationException first;

    /** {@code value}'s result, or null when it refused the part named {@code field} (the refusal is kept). */
    public <T> T check(String field, Supplier<T> value) {
        try {
            return value.get();
        } catch (RuleViolationException refusal) {
            first = first == null ? refusal : first;
            refused.add(FieldError.of(field, refusal));
            return null;
        }
    }

    /**
     * @throws RuleViolationException when any part was refused: the first refusal's code and message (what a single
     *         refusal always answered), with a field error for every refused part
     */
    public void requireNone() {
        if (first != null) {
            throw new RuleViolationException(first.code(), first.getMessage(), refused);
        }
    }
}
