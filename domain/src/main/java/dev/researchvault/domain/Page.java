package dev.researchvault.domain;

import java.util.List;
import java.util.function.Function;

/**
 * One slice of a longer list, with the total count of the list.
 *
 * @param request what was asked for: its page number (page mode) or cursor, and size
 * @param next    where the items after this slice start, or null when none follow. Only the lists that page
 *                by cursor fill it in ({@link #sliced}); {@link #of} leaves it null.
 */
public record Page<T>(List<T> items, PageRequest request, long total, PageCursor next) {

    public Page {
        items = List.copyOf(items);
    }

    /** A page of a list that does not page by cursor. */
    public static <T> Page<T> of(List<T> items, PageRequest request, long total) {
        return new Page<>(items, request, total, null);
    }

    /**
     * The page of {@code rows}, read in list order with a limit of {@link PageRequest#lookahead()}: the row
     * past the size only tells that more follow, and then {@link #next} is the cursor of the last item kept.
     */
    public static <T> Page<T> sliced(List<T> rows, PageRequest request, long total,
                                     Function<? super T, PageCursor> cursorOf) {
        if (rows.size() <= request.size()) {
            return new Page<>(rows, request, total, null);
        }
        List<T> items = rows.subList(0, request.size());
        return new Page<>(items, request, total, cursorOf.apply(items.get(items.size() - 1)));
    }

    /** The page number asked for; 0 for a page that starts at a cursor. */
    public int page() {
        return request.page();
    }

    public int size() {
        return request.size();
    }

    public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
        return new Page<>(items.stream().<R>map(mapper).toList(), request, total, next);
    }
}
