package dev.researchvault.adapter.persistence.research;

import dev.researchvault.adapter.persistence.research.Rows.ResearchRow;
import dev.researchvault.domain.Page;
import dev.researchvault.domain.PageRequest;
import dev.researchvault.domain.research.ResearchFilter;
import java.util.List;

/**
 * One page of the research list. Each filter combination has its own statement rather than
 * {@code (:status IS NULL OR status = :status)}: SQLite cannot use {@code idx_research_status_created_at}
 * through such an OR.
 */
final class ResearchListQuery {

    private final ResearchRows rows;
    private final String status;
    private final String pattern;
    private final PageRequest page;

    ResearchListQuery(ResearchRows rows, ResearchFilter filter, PageRequest page) {
        this.rows = rows;
        this.status = filter.status() == null ? null : filter.status().wireName();
        this.pattern = filter.text() == null ? null : LikePatterns.containing(filter.text());
        this.page = page;
    }

    Page<ResearchRow> run() {
        return Page.of(items(), page, total());
    }

    private List<ResearchRow> items() {
        int limit = page.size();
        long offset = page.offset();
        if (status == null) {
            return pattern == null ? rows.newestFirst(limit, offset) : rows.newestFirstMatching(pattern, limit, offset);
        }
        return pattern == null ? rows.newestFirstWithStatus(status, limit, offset)
                : rows.newestFirstWithStatusMatching(status, pattern, limit, offset);
    }

    private long total() {
        if (status == null) {
            return pattern == null ? rows.countAll() : rows.countMatching(pattern);
        }
        return pattern == null ? rows.countWithStatus(status) : rows.countWithStatusMatching(status, pattern);
    }
}
