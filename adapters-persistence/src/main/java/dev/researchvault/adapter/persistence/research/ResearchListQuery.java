package dev.researchvault.adapter.persistence.research;

import dev.researchvault.adapter.persistence.sql.ListCursors;
import dev.researchvault.adapter.persistence.research.Rows.ResearchListRow;
import dev.researchvault.adapter.persistence.research.Rows.ResearchRow;
import dev.researchvault.domain.Page;
import dev.researchvault.domain.PageCursor;
import dev.researchvault.domain.PageRequest;
import dev.researchvault.domain.research.ResearchFilter;
import java.util.List;

/**
 * One page of the research list, by number or after a cursor ({@link ListCursors}). Each filter combination
 * has its own statements rather than {@code (:status IS NULL OR status = :status)}: SQLite cannot use
 * {@code idx_research_status_created_at} through such an OR.
 */
final class ResearchListQuery {

    private final ResearchRows rows;
    private final String status;
    private final String pattern;
    private final PageRequest page;
    private final PageCursor after;

    ResearchListQuery(ResearchRows rows, ResearchFilter filter, PageRequest page) {
        this.rows = rows;
        this.status = filter.status() == null ? null : filter.status().wireName();
        this.pattern = filter.text() == null ? null : LikePatterns.containing(filter.text());
        this.page = page;
        this.after = page.cursorOf(PageCursor.Listing.RESEARCH);
    }

    Page<ResearchRow> run() {
        List<ResearchListRow> items = after == null ? byNumber() : afterCursor();
        return Page.sliced(items, page, total(), ResearchListQuery::cursorPast).map(ResearchListRow::row);
    }

    private static PageCursor cursorPast(ResearchListRow row) {
        return ListCursors.past(PageCursor.Listing.RESEARCH, row.createdAt(), row.position());
    }

    private List<ResearchListRow> byNumber() {
        int limit = page.lookahead();
        long offset = page.offset();
        if (status == null) {
            return pattern == null ? rows.newestFirst(limit, offset) : rows.newestFirstMatching(pattern, limit, offset);
        }
        return pattern == null ? rows.newestFirstWithStatus(status, limit, offset)
                : rows.newestFirstWithStatusMatching(status, pattern, limit, offset);
    }

    private List<ResearchListRow> afterCursor() {
        String time = ListCursors.storedTime(after);
        long position = after.sequence();
        int limit = page.lookahead();
        if (status == null) {
            return pattern == null ? rows.newestAfter(time, position, limit)
                    : rows.newestAfterMatching(pattern, time, position, limit);
        }
        return pattern == null ? rows.newestAfterWithStatus(status, time, position, limit)
                : rows.newestAfterWithStatusMatching(status, pattern, time, position, limit);
    }

    private long total() {
        if (status == null) {
            return pattern == null ? rows.countAll() : rows.countMatching(pattern);
        }
        return pattern == null ? rows.countWithStatus(status) : rows.countWithStatusMatching(status, pattern);
    }
}
