package dev.researchvault.adapter.persistence.sql;

import java.util.List;

/**
 * One condition of a newest-first list ({@link NewestFirstList}) with the values it binds, written twice: as the
 * list's leading filter, which the list's index seeks on, and as a check on the rows another filter's index found.
 * The check of an equality is written {@code +column = ?}: SQLite's unary plus keeps the planner off that column's
 * index, so the list always reads the index of its leading (most selective) filter, whatever statistics say.
 *
 * @param leading the condition when it leads
 * @param check   the condition when another filter leads
 * @param values  the values of its {@code ?}s, in order
 */
public record ListFilter(String leading, String check, List<Object> values) {

    /** {@code column = value}; null (no filter) when the value is null, so callers can pass every filter they have. */
    public static ListFilter equal(String column, Object value) {
        return value == null ? null : new ListFilter(column + " = ?", "+" + column + " = ?", List.of(value));
    }

    /** A condition no index serves (a LIKE, say), the same leading or not; null when {@code value} is null. */
    public static ListFilter where(String condition, Object value, int times) {
        return value == null ? null : new ListFilter(condition, condition, java.util.Collections.nCopies(times, value));
    }
}
