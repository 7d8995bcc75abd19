package dev.researchvault.domain;

import dev.researchvault.domain.RuleViolationException.FieldError;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Checks of several parts of one input that go on past the first refusal, so a client learns every refused part at
 * once (a form marks all its wrong fields). Each part is named once: a part already refused is not refused again
 * (an adapter that could not parse a member leaves it null, and the use case's own check of it would repeat the
 * refusal). Not thread-safe: one per input.
 */
public final class FieldChecks {

    private final List<FieldError> refused = new ArrayList<>();
    private RuleViolationException first;

    /**
     * {@code value}'s result, or null when it refused the part named {@code field} (the refusal is kept). Any other
     * failure (a 413, a 404) ends the checks: it is thrown, unless a part was refused before it, in which case the
     * refusals are, as checks that stopped at the first refusal never reached that failure.
     */
    public <T> T check(String field, Supplier<T> value) {
        return checked(value, refusal -> List.of(FieldError.of(field, refusal)));
    }

    /** Runs {@code rule} on the part named {@code field}, keeping its refusal. */
    public void checkThat(String field, Runnable rule) {
        check(field, () -> {
            rule.run();
            return null;
        });
    }

    /**
     * Runs {@code rules}, which check several parts themselves (a value of several fields, a command): each part
     * they refuse is kept under its own name; a refusal that names no part is kept under {@code field}.
     */
    public void checkAll(String field, Runnable rules) {
        checkParts(field, () -> {
            rules.run();
            return null;
        });
    }

    /** {@code value}'s result, or null when it refused parts: as {@link #checkAll}, for a value of several parts. */
    public <T> T checkParts(String field, Supplier<T> value) {
        return checked(value, refusal -> refusal.fieldErrors().isEmpty() ? List.of(FieldError.of(field, refusal))
                : refusal.fieldErrors());
    }

    private <T> T checked(Supplier<T> value, Function<RuleViolationException, List<FieldError>> named) {
        try {
            return value.get();
        } catch (RuleViolationException refusal) {
            keep(refusal, named.apply(refusal));
            return null;
        } catch (RuntimeException failure) {
            requireNone();
            throw failure;
        }
    }

    private void keep(RuleViolationException refusal, List<FieldError> errors) {
        first = first == null ? refusal : first;
        for (FieldError error : errors) {
            if (refused.stream().noneMatch(known -> known.field().equals(error.field()))) {
                refused.add(error);
            }
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
