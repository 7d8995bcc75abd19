package dev.researchvault.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Batches of items checked one by one, where a client needs to learn every refused item, not just the first. */
public final class Batches {

    private Batches() {
    }

    /**
     * {@code each} applied to every item, in order. When it refuses items, one {@link RuleViolationException} is
     * thrown with the first refusal's code and message and a field error per refused item, named by its index
     * ({@code "0"}, {@code "3"}): see {@link FieldChecks}.
     */
    public static <T, R> List<R> mapAll(List<T> items, Function<T, R> each) {
        FieldChecks checks = new FieldChecks();
        List<R> mapped = new ArrayList<>(items.size());
        for (int index = 0; index < items.size(); index++) {
            T item = items.get(index);
            mapped.add(checks.check(Integer.toString(index), () -> each.apply(item)));
        }
        checks.requireNone();
        return mapped;
    }
}
