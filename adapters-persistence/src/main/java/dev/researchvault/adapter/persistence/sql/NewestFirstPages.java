package dev.researchvault.adapter.persistence.sql;

import dev.researchvault.domain.Page;
import dev.researchvault.domain.PageCursor;
import dev.researchvault.domain.PageRequest;
import java.util.List;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.ToLongFunction;

/**
 * Pages of a newest-first list of rows ordered {@code time DESC, rowid DESC}: by page number, or after a cursor
 * ({@link ListCursors}). One per list, built from how its rows carry their list time and rowid; each filter of
 * the list brings its own statements, so that each can use its own index.
 *
 * @param time     the stored list time of a row ({@code updated_at} or {@code created_at})
 * @param position the rowid of a row
 */
public record NewestFirstPages<R>(PageCursor.Listing listing, Function<R, String> time, ToLongFunction<R> position) {

    /** The statement of a page by number: {@code LIMIT :limit OFFSET :offset}. */
    @FunctionalInterface
    public interface ByNumber<R> {
        List<R> rows(int limit, long offset);
    }

    /** The statement of a page after a cursor: rows past {@code (:time, :position)}, {@code LIMIT :limit}. */
    @FunctionalInterface
    public interface AfterCursor<R> {
        List<R> rows(String time, long position, int limit);
    }

    /**
     * The page {@code request} asks for, read by one of the two statements, with the list's total.
     *
     * @throws dev.researchvault.domain.RuleViolationException {@code page.invalid-cursor} for another list's cursor
     */
    public Page<R> page(PageRequest request, ByNumber<R> byNumber, AfterCursor<R> afterCursor, LongSupplier total) {
        PageCursor after = request.cursorOf(listing);
        List<R> rows = after == null ? byNumber.rows(request.lookahead(), request.offset())
                : afterCursor.rows(ListCursors.storedTime(after), after.sequence(), request.lookahead());
        return Page.sliced(rows, request, total.getAsLong(),
                row -> ListCursors.past(listing, time.apply(row), position.applyAsLong(row)));
    }
}
