package dev.researchvault.adapter.persistence.research

import dev.researchvault.adapter.persistence.support.QueryPlanSpec

/**
 * Every statement of the research list reads its time index in list order, with no sort: by page number
 * from the top (then skipping the offset), after a cursor from two seeks, one to the cursor inside its
 * millisecond ({@code created_at=? AND rowid<?}) and one to the older rows ({@code created_at<?}), merged.
 */
class ResearchListPlanSpec extends QueryPlanSpec {

    static final String BY_TIME = 'idx_research_created_at'
    static final String BY_STATUS = 'idx_research_status_created_at'

    def 'page numbers: #method reads its index from the top'() {
        expect:
        plans.ofQuery(ResearchRows, method) == [plan]

        where:
        method                          | plan
        'newestFirst'                   | "SCAN research USING INDEX $BY_TIME"
        'newestFirstMatching'           | "SCAN research USING INDEX $BY_TIME"
        'newestFirstWithStatus'         | "SEARCH research USING INDEX $BY_STATUS (status=?)"
        'newestFirstWithStatusMatching' | "SEARCH research USING INDEX $BY_STATUS (status=?)"
    }

    def 'cursors: #method seeks #index to the cursor twice and merges'() {
        expect:
        plans.ofQuery(ResearchRows, method) == ['MERGE (UNION ALL)',
                                                'LEFT', "SEARCH research USING INDEX $index (${prefix}created_at=? AND rowid<?)",
                                                'RIGHT', "SEARCH research USING INDEX $index (${prefix}created_at<?)"]

        where:
        method                          | index     | prefix
        'newestAfter'                   | BY_TIME   | ''
        'newestAfterMatching'           | BY_TIME   | ''
        'newestAfterWithStatus'         | BY_STATUS | 'status=? AND '
        'newestAfterWithStatusMatching' | BY_STATUS | 'status=? AND '
    }

    def 'a single row value would seek the time alone, which is why the cursor statements have two arms'() {
        expect:
        plans.of('SELECT rowid, query FROM research WHERE (created_at, rowid) < (:time, :position) '
                + 'ORDER BY created_at DESC, rowid DESC LIMIT 21') == ["SEARCH research USING INDEX $BY_TIME (created_at<?)"]
    }
}
