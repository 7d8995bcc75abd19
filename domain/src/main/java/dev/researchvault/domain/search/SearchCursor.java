package dev.researchvault.domain.search;

import dev.researchvault.domain.CursorTokens;
import dev.researchvault.domain.RuleViolationException;

/**
 * Where the next page of a search starts, as the {@code next} of an answer and the {@code after} of the request
 * that follows it. A newest-first answer (more than {@link SearchIndex#RANKED} matches) continues right after its
 * last hit in index order, reading only what lies past it: no gap and no repeat however the vault changes between
 * pages, and no cost for skipped pages. A ranked answer has no such position (scores move as the index changes), so
 * its cursor continues at the next rank as the ranking stands when that page is read, and keeps ranking even if
 * the query has since grown past the limit.
 *
 * @param newest   whether the answer it continues lists newest first
 * @param position newest: the index sequence of the last hit answered; ranked: how many hits were answered
 */
public record SearchCursor(boolean newest, long position) {

    private static final String VERSION = "s1";

    public SearchCursor {
        if (position < 0) {
            throw new IllegalArgumentException("a search position is not negative");
        }
    }

    /** The opaque text a client sends back as {@code after}. */
    public String token() {
        return CursorTokens.encode(VERSION, newest ? "newest" : "ranked", Long.toString(position));
    }

    /**
     * The cursor {@code token} stands for.
     *
     * @throws RuleViolationException {@value CursorTokens#INVALID} when the token is not one {@link #token()} produced
     */
    public static SearchCursor parse(String token) {
        String[] fields = CursorTokens.decode(token);
        if (fields.length != 3 || !VERSION.equals(fields[0]) || !(fields[1].equals("newest") || fields[1].equals("ranked"))) {
            throw CursorTokens.invalid("after is not a cursor of search");
        }
        try {
            return new SearchCursor(fields[1].equals("newest"), Long.parseLong(fields[2]));
        } catch (IllegalArgumentException malformed) {
            throw CursorTokens.invalid("after is not a cursor of search");
        }
    }
}
