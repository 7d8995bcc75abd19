package dev.researchvault.adapter.persistence.usage;

import dev.researchvault.domain.usage.UsageGrouping;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * The whole UTC days of a report's range, read from {@code usage_day} (the sums per day and model that triggers
 * keep, V6__agents_and_usage.sql) instead of from every call: a year is at most 366 days times the models used.
 * The partial days at the ends of a range are left to the calls' indexes ({@link UsageSource}).
 *
 * @param start the first whole day's midnight; {@code start} to {@code end} is empty when the range holds no
 *              whole day
 * @param end   the midnight that ends the last whole day
 */
record UsageDays(Instant start, Instant end) {

    /** The whole days within {@code [from, to)}. */
    static UsageDays within(Instant from, Instant to) {
        Instant midnight = from.truncatedTo(ChronoUnit.DAYS);
        Instant start = midnight.equals(from) ? from : midnight.plus(1, ChronoUnit.DAYS);
        return new UsageDays(start, to.truncatedTo(ChronoUnit.DAYS));
    }

    boolean isEmpty() {
        return !start.isBefore(end);
    }

    /** The first day, as {@code usage_day.day} holds it ({@code 2026-11-25}). */
    String firstDay() {
        return day(start);
    }

    /** The day after the last. */
    String endDay() {
        return day(end);
    }

    private static String day(Instant midnight) {
        return LocalDate.ofInstant(midnight, ZoneOffset.UTC).toString();
    }

    /**
     * Rows of (group key, prompt tokens, completion tokens, cost in micro-dollars, calls) for the days in
     * {@code [?, ?)}, like {@link UsageSource#sql}; the model key turns the stored pair back into a nullable model.
     */
    static String sql(UsageGrouping grouping) {
        String key = grouping == UsageGrouping.DAY ? "day" : "CASE model_known WHEN 1 THEN model END";
        return "SELECT " + key + ", SUM(prompt_tokens), SUM(completion_tokens), SUM(cost_micros), SUM(calls)"
                + " FROM usage_day WHERE day >= ? AND day < ? GROUP BY " + key;
    }
}
