package dev.researchvault.domain;

import dev.researchvault.domain.RuleViolationException.FieldError;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Batches of items checked one by one, where a client needs to learn every refused item, not just the first. */
public final class Batches {

    private Batches() {
    }

    /**
     * {@code each} applied to every item, in order. When it refuses items, one {@link RuleViolationException} is
     * thrown with the first refusal's code and message (what a single refusal always answered) and a field error per
     * refused item, named by its index ({@code "0"}, {@code "3"}).
     */
    public static <T, R> List<R> mapAll(List<T> items, Function<T, R> each) {
        List<R> mapped = new ArrayList<>(items.size());
        List<FieldError> refused = new ArrayList<>();
        RuleViolationException first = null;
        for (int index = 0; index < items.size(); index++) {
            try {
                mapped.add(each.apply(items.get(index)));
            } catch (RuleViolationException refusal) {
                first = first == null ? refusal : first;
                refused.add(FieldError.of(Integer.toString(index), refusal));
            }
        }
        if (first != null) {
            throw new RuleViolationException(first.code(), first.getMessage(), refused);
        }
        return mapped;
    }
}
