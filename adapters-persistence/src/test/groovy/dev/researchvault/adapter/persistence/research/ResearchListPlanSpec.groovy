package dev.researchvault.adapter.persistence.research

import dev.researchvault.adapter.persistence.sql.ListFilter
import dev.researchvault.adapter.persistence.sql.NewestFirstList
import dev.researchvault.adapter.persistence.support.QueryPlanSpec

/**
 * Every statement of the research list reads its time index in list order, with no sort: by page number
 * from the top (then skipping the offset), after a cursor from two seeks, one to the cursor inside its
 * millisecond ({@code created_at=? AND rowid<?}) and one to the older rows ({@code created_at<?}), merged.
 */
class ResearchListPlanSpec extends QueryPlanSpec {

    static final String BY_TIME = 'idx_research_created_at'
    static final String BY_STATUS = 'idx_research_status_created_at'
    static final NewestFirstList LIST = new NewestFirstList(null, JdbcResearchRepository.LIST, null)
    static final ListFilter STATUS = ListFilter.equal('status', 'pending')
    static final ListFilter TEXT = ListFilter.where(JdbcResearchRepository.MATCHES_TEXT, '%x%', 2)

    def 'page numbers: with #filters it reads its index from the top'() {
        expect:
        plans.of(LIST.byNumberSql(filters)) == [plan]

        where:
        filters        | plan
        []             | "SCAN research USING INDEX $BY_TIME"
        [TEXT]         | "SCAN research USING INDEX $BY_TIME"
        [STATUS]       | "SEARCH research USING INDEX $BY_STATUS (status=?)"
        [STATUS, TEXT] | "SEARCH research USING INDEX $BY_STATUS (status=?)"
    }

    def 'cursors: with #filters it seeks #index to the cursor twice and merges'() {
        expect:
        plans.of(LIST.afterCursorSql(filters)) == ['MERGE (UNION ALL)',
                                                   'LEFT', "SEARCH research USING INDEX $index (${prefix}created_at=? AND rowid<?)",
                                                   'RIGHT', "SEARCH research USING INDEX $index (${prefix}created_at<?)"]

        where:
        filters        | index     | prefix
        []             | BY_TIME   | ''
        [TEXT]         | BY_TIME   | ''
        [STATUS]       | BY_STATUS | 'status=? AND '
        [STATUS, TEXT] | BY_STATUS | 'status=? AND '
    }

    def 'totals: without filters the kept row count, with a status its index'() {
        expect:
        plans.of(LIST.countSql([])) == ['SEARCH row_count USING PRIMARY KEY (table_name=?)']
        plans.of(LIST.countSql([STATUS]))*.replace('COVERING INDEX', 'INDEX') == ["SEARCH research USING INDEX $BY_STATUS (status=?)"]
    }

    def 'a single row value would seek the time alone, which is why the cursor statements have two arms'() {
        expect:
        plans.of('SELECT rowid, query FROM research WHERE (created_at, rowid) < (:time, :position) '
                + 'ORDER BY created_at DESC, rowid DESC LIMIT 21') == ["SEARCH research USING INDEX $BY_TIME (created_at<?)"]
    }

    def 'the research of a chat reads idx_research_chat_id_created_at, other filters checked on its rows'() {
        expect:
        plans.of(LIST.byNumberSql(filters)) == ['SEARCH research USING INDEX idx_research_chat_id_created_at (chat_id=?)']
        plans.of(LIST.afterCursorSql(filters)) == ['MERGE (UNION ALL)',
                'LEFT', 'SEARCH research USING INDEX idx_research_chat_id_created_at (chat_id=? AND created_at=? AND rowid<?)',
                'RIGHT', 'SEARCH research USING INDEX idx_research_chat_id_created_at (chat_id=? AND created_at<?)']

        where:
        filters << [[ListFilter.equal('chat_id', 'c')], [ListFilter.equal('chat_id', 'c'), STATUS, TEXT]]
    }
}
