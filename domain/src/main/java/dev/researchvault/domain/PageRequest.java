package dev.researchvault.domain;

/**
 * Which slice of a list to answer: page {@code page} (from 0) of {@code size} items.
 *
 * <p>A size above {@link #MAX_SIZE} is refused (400) rather than clamped: a client asking for 1000 items
 * and silently getting 200 would think it had seen everything.
 */
public record PageRequest(int page, int size) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 200;

    public PageRequest {
        if (page < 0) {
            throw new RuleViolationException("page.invalid-page", "page must be 0 or more");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new RuleViolationException("page.invalid-size", "size must be between 1 and " + MAX_SIZE);
        }
    }

    public static PageRequest first() {
        return new PageRequest(0, DEFAULT_SIZE);
    }

    /** Index of the first item of this page in the whole list. */
    public long offset() {
        return (long) page * size;
    }
}
