package dev.researchvault.domain;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.Locale;

/**
 * A position in a list ordered by a time, newest first: just after the item whose sort time is {@code time}
 * and whose {@code sequence} is the adapter's tie-breaker among equal times (a larger sequence was added
 * later; SQLite's rowid, insertion order in memory). A page that starts at a cursor reads only what lies
 * past it in the index ("keyset paging") instead of walking and skipping {@code page × size} entries.
 *
 * <p>Clients see a cursor only as its {@link #token()} ({@link CursorTokens}) of the fields
 * {@code 1|<list>|<time ISO-8601>|<sequence>}. The version {@code 1} lets a later format be told apart; the list
 * stops a cursor of one list from being taken by another.
 *
 * @param list     the list that issued the cursor
 * @param time     the sort time of the last item before the position
 * @param sequence the tie-breaker of that item among items of the same time
 */
public record PageCursor(Listing list, Instant time, long sequence) {

    /** Stable code of every refused cursor; its messages never repeat the token. */
    public static final String INVALID = CursorTokens.INVALID;
    private static final String VERSION = "1";

    /** The lists that page by cursor. */
    public enum Listing {
        RESEARCH, CHATS, AGENTS, EXECUTIONS, DOCUMENTS, DOCUMENT_GROUPS, WRITING_SESSIONS, DRAFTS,
        /** A chat's messages: the one list read oldest first, so its cursor is a position just before later items. */
        MESSAGES;

        String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public PageCursor {
        if (list == null || time == null) {
            throw new IllegalArgumentException("a cursor needs its list and time");
        }
    }

    /** The opaque text a client sends back as {@code after}. */
    public String token() {
        return CursorTokens.encode(VERSION, list.wireName(), time.toString(), Long.toString(sequence));
    }

    /**
     * The cursor {@code token} stands for.
     *
     * @throws RuleViolationException {@value #INVALID} when the token is not one {@link #token()} produced
     */
    public static PageCursor parse(String token) {
        return fromPayload(CursorTokens.decode(token));
    }

    /**
     * This cursor when {@code expected} issued it.
     *
     * @throws RuleViolationException {@value #INVALID} when another list issued it
     */
    public PageCursor requireList(Listing expected) {
        if (list != expected) {
            throw invalid("after is a cursor of another list");
        }
        return this;
    }

    private static PageCursor fromPayload(String[] fields) {
        if (fields.length != 4 || !VERSION.equals(fields[0])) {
            throw invalid("after is a cursor of an unknown version");
        }
        try {
            return new PageCursor(listing(fields[1]), Instant.parse(fields[2]), Long.parseLong(fields[3]));
        } catch (DateTimeException | NumberFormatException malformed) {
            throw invalid("after is not a cursor of this list");
        }
    }

    private static Listing listing(String wireName) {
        for (Listing candidate : Listing.values()) {
            if (candidate.wireName().equals(wireName)) {
                return candidate;
            }
        }
        throw invalid("after is a cursor of an unknown list");
    }

    private static RuleViolationException invalid(String message) {
        return CursorTokens.invalid(message);
    }
}
