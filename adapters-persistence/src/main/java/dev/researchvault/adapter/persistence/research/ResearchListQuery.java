package dev.researchvault.adapter.persistence.research;

import dev.researchvault.adapter.persistence.research.Rows.ResearchListRow;
import dev.researchvault.adapter.persistence.research.Rows.ResearchRow;
import dev.researchvault.domain.Page;
import dev.researchvault.domain.PageCursor;
import dev.researchvault.domain.PageRequest;
import dev.researchvault.domain.research.ResearchFilter;
import java.util.List;

/**
 * One page of the research list, by number or after a cursor ({@link KeysetStart}). Each filter combination
 * has its own statement rather than {@code (:status IS NULL OR status = :status)}: SQLite cannot use
 * {@code idx_research_status_created_at} through such an OR.
 */
final class ResearchListQuery {

    private final ResearchRows rows;
    private final String status;
    private final String pattern;
    private final PageRequest page;
    private final KeysetStart start;

    ResearchListQuery(ResearchRows rows, ResearchFilter filter, PageRequest page) {
        this.rows = rows;
        this.status = filter.status() == null ? null : filter.status().wireName();
        this.pattern = filter.text() == null ? null : LikePatterns.containing(filter.text());
        this.page = page;
        this.start = KeysetStart.of(page, PageCursor.Listing.RESEARCH);
    }

    Page<ResearchRow> run() {
        return Page.sliced(items(), page, total(), ResearchListQuery::cursorPast).map(ResearchListRow::row);
    }

    private static PageCursor cursorPast(ResearchListRow row) {
        return KeysetStart.cursor(PageCursor.Listing.RESEARCH, row.createdAt(), row.position());
    }

    private List<ResearchListRow> items() {
        String time = start.time();
        long position = start.position();
        int limit = page.lookahead();
        long offset = page.offset();
        if (status == null) {
            return pattern == null ? rows.newestFirst(time, position, limit, offset)
                    : rows.newestFirstMatching(pattern, time, position, limit, offset);
        }
        return pattern == null ? rows.newestFirstWithStatus(status, time, position, limit, offset)
                : rows.newestFirstWithStatusMatching(status, pattern, time, position, limit, offset);
    }

    private long total() {
        if (status == null) {
            return pattern == null ? rows.countAll() : rows.countMatching(pattern);
        }
        return pattern == null ? rows.countWithStatus(status) : rows.countWithStatusMatching(status, pattern);
    }
}
