package dev.researchvault.adapter.persistence.research;

import dev.researchvault.domain.PageCursor;
import dev.researchvault.domain.PageRequest;

/**
 * Where a newest-first list statement starts reading: at the rows past {@code (time, position)} in the order
 * {@code time DESC, rowid DESC}, i.e. {@code WHERE (time_column, rowid) < (:time, :position)}. SQLite turns
 * that row value into a range on the time index ({@code idx_research_created_at},
 * {@code idx_research_status_created_at}, {@code idx_chat_updated_at}: each ends with the rowid implicitly),
 * so a page after a cursor reads only its own index entries, however deep the cursor lies.
 *
 * <p>A page by number starts at {@link #TOP}, past nothing, and skips its offset: one statement serves both
 * modes, and the page mode keeps its old plan (the same walk down the same index).
 *
 * <p>The tie-breaker is the rowid, as in the list order itself: rows of the same millisecond list latest
 * added first, which only the rowid records (ids are random). A cursor must carry it to resume between two
 * such rows even when the row it names has been deleted meanwhile (an id could no longer be looked up).
 * The rowids of these tables are stable: nothing rewrites their rows (no {@code INSERT OR REPLACE}), and
 * {@code VACUUM}/{@code VACUUM INTO} copy the rowids of every table that has an index, which all list
 * tables do (their repository specs check that a cursor survives a {@code VACUUM}).
 */
public record KeysetStart(String time, long position) {

    /**
     * Before the first row: stored times start with a digit, so U+FFFF sorts after every one of them (SQLite
     * compares text by its UTF-8 bytes).
     */
    static final KeysetStart TOP = new KeysetStart("\uffff", Long.MAX_VALUE);

    /**
     * Where {@code page} starts in {@code list}.
     *
     * @throws dev.researchvault.domain.RuleViolationException {@code page.invalid-cursor} for a cursor of
     *         another list
     */
    public static KeysetStart of(PageRequest page, PageCursor.Listing list) {
        PageCursor after = page.cursorOf(list);
        return after == null ? TOP : new KeysetStart(SqlTimes.format(after.time()), after.sequence());
    }

    /** The cursor past a row of {@code list} with this stored time and rowid. */
    public static PageCursor cursor(PageCursor.Listing list, String storedTime, long rowid) {
        return new PageCursor(list, SqlTimes.parse(storedTime), rowid);
    }
}
