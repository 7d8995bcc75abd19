package dev.researchvault.application.support

import dev.researchvault.domain.Page
import dev.researchvault.domain.PageCursor
import dev.researchvault.domain.PageRequest

import java.time.Instant

/**
 * Slices a list newest first the way the SQL adapters do: by time, ties by the order of addition (a
 * sequence that stands in for SQLite's rowid), page by number or after a {@link PageCursor}, reading one
 * item more than the size to know whether a next cursor is due.
 */
class NewestFirstSlices<T> {

    private final PageCursor.Listing list
    private final Closure<Instant> timeOf
    private final Closure<Long> sequenceOf
    /** 1 newest first (the lists), -1 oldest first (a chat's messages). */
    private final int direction

    /**
     * @param timeOf     the sort time of an item
     * @param sequenceOf the order in which an item was added: higher is later, never reused
     */
    NewestFirstSlices(PageCursor.Listing list, Closure<Instant> timeOf, Closure<Long> sequenceOf) {
        this(list, timeOf, sequenceOf, 1)
    }

    private NewestFirstSlices(PageCursor.Listing list, Closure<Instant> timeOf, Closure<Long> sequenceOf, int direction) {
        this.list = list
        this.timeOf = timeOf
        this.sequenceOf = sequenceOf
        this.direction = direction
    }

    /** The same slicing oldest first, ties in order of addition: how a chat's messages are listed. */
    static <T> NewestFirstSlices<T> oldestFirst(PageCursor.Listing list, Closure<Instant> timeOf, Closure<Long> sequenceOf) {
        new NewestFirstSlices<T>(list, timeOf, sequenceOf, -1)
    }

    Page<T> slice(Collection<T> matching, PageRequest request) {
        PageCursor after = request.cursorOf(list)
        List<T> ordered = matching.sort(false) { T a, T b ->
            direction * ((timeOf(b) <=> timeOf(a)) ?: (sequenceOf(b) <=> sequenceOf(a)))
        }
        List<T> remaining = after == null ? ordered.drop((int) Math.min(request.offset(), Integer.MAX_VALUE))
                : ordered.findAll { isPast(it, after) }
        Page.sliced(remaining.take(request.lookahead()), request, matching.size()) { T item -> cursorOf(item) }
    }

    private boolean isPast(T item, PageCursor cursor) {
        int byTime = direction * (timeOf(item) <=> cursor.time())
        byTime < 0 || (byTime == 0 && direction * (sequenceOf(item) <=> cursor.sequence()) < 0)
    }

    private PageCursor cursorOf(T item) {
        new PageCursor(list, timeOf(item), sequenceOf(item))
    }
}
