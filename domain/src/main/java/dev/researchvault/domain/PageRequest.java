package dev.researchvault.domain;

/**
 * Which slice of a list to answer: page {@code page} (from 0) of {@code size} items, or, when {@code after}
 * is given, the {@code size} items that follow that cursor (then {@code page} is 0 and means nothing: a
 * cursor, not a number, says where the slice starts).
 *
 * <p>A size above {@link #MAX_SIZE} is refused (400) rather than clamped: a client asking for 1000 items
 * and silently getting 200 would think it had seen everything.
 *
 * @param after the cursor to continue after, or null to page by number
 */
public record PageRequest(int page, int size, PageCursor after) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 200;

    public PageRequest {
        if (page < 0 || (after != null && page != 0)) {
            throw new RuleViolationException("page.invalid-page", "page must be 0 or more, and 0 with a cursor");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new RuleViolationException("page.invalid-size", "size must be between 1 and " + MAX_SIZE);
        }
    }

    /** Page {@code page} of {@code size} items. */
    public PageRequest(int page, int size) {
        this(page, size, null);
    }

    public static PageRequest first() {
        return new PageRequest(0, DEFAULT_SIZE);
    }

    /** The {@code size} items after {@code cursor}. */
    public static PageRequest after(PageCursor cursor, int size) {
        if (cursor == null) {
            throw new IllegalArgumentException("cursor");
        }
        return new PageRequest(0, size, cursor);
    }

    /** Whether this slice starts at a cursor rather than at a page number. */
    public boolean byCursor() {
        return after != null;
    }

    /**
     * The cursor to start after, checked to be one that {@code list} issued; null when paging by number.
     *
     * @throws RuleViolationException {@value PageCursor#INVALID} when another list issued the cursor
     */
    public PageCursor cursorOf(PageCursor.Listing list) {
        return after == null ? null : after.requireList(list);
    }

    /** Index of the first item of this page in the whole list; 0 for a cursor (it skips nothing). */
    public long offset() {
        return (long) page * size;
    }

    /** How many items to read for this page: one more than its size, to learn whether any follow. */
    public int lookahead() {
        return size + 1;
    }
}
