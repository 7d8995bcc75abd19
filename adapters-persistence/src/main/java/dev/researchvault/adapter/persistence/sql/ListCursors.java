package dev.researchvault.adapter.persistence.sql;

import dev.researchvault.domain.PageCursor;

/**
 * The cursors of the newest-first lists (research and agent executions by {@code created_at}, chats and agents
 * by {@code updated_at}): the stored time of the last row answered and its rowid. {@link NewestFirstList}
 * reads the pages of the lists by them.
 *
 * <p>The tie-breaker is the rowid because the list order already is {@code time DESC, rowid DESC}: rows of
 * the same millisecond list latest added first, which only the rowid records (ids are random). Time + id
 * would need the id looked up to find its rowid, and that fails once the cursor's own row is deleted,
 * leaving its place among rows of the same millisecond unknown. The rowids of these tables are stable:
 * nothing rewrites their rows (no {@code INSERT OR REPLACE}, see V5__row_counts.sql), and
 * {@code VACUUM}/{@code VACUUM INTO} copy the rowids of every table that has an index, which all four tables do
 * (JdbcResearchRepositorySpec checks a cursor across a {@code VACUUM}). The time indexes
 * ({@code idx_research_created_at}, {@code idx_chat_updated_at}, {@code idx_agent_updated_at},
 * {@code idx_agent_execution_created_at} and those that lead with a filter column) end with the rowid
 * implicitly, so "after (time, rowid)" is a seek into them.
 */
public final class ListCursors {

    private ListCursors() {
    }

    /** The cursor past a row of {@code list} with this stored time and rowid. */
    public static PageCursor past(PageCursor.Listing list, String storedTime, long rowid) {
        return new PageCursor(list, SqlTimes.parse(storedTime), rowid);
    }

    /** The cursor's time as stored, for the {@code :time} parameter of the list statements. */
    public static String storedTime(PageCursor cursor) {
        return SqlTimes.format(cursor.time());
    }
}
