package dev.researchvault.adapter.persistence.chat

import dev.researchvault.adapter.persistence.sql.ListFilter
import dev.researchvault.adapter.persistence.sql.NewestFirstList
import dev.researchvault.adapter.persistence.support.QueryPlanSpec

/**
 * The chat list reads {@code idx_chat_updated_at} in list order, with no sort: by page number from the
 * top, after a cursor from two seeks merged (see ResearchListPlanSpec); each chat's messages are counted on
 * their index.
 */
class ChatListPlanSpec extends QueryPlanSpec {

    static final String COUNT = 'SEARCH m USING COVERING INDEX idx_chat_message_chat_id_created_at (chat_id=?)'
    static final NewestFirstList LIST = new NewestFirstList(null, JdbcChatRepository.LIST, null)
    static final ListFilter AGENT = ListFilter.equal('c.agent_id', 'a')

    def 'page numbers read the update time index from the top'() {
        expect:
        plans.of(LIST.byNumberSql([])) == ['SCAN c USING INDEX idx_chat_updated_at', 'CORRELATED SCALAR SUBQUERY 1', COUNT]
    }

    def 'a cursor seeks the update time index twice and merges'() {
        expect:
        plans.of(LIST.afterCursorSql([])) == ['MERGE (UNION ALL)',
                'LEFT', 'SEARCH c USING INDEX idx_chat_updated_at (updated_at=? AND rowid<?)',
                'CORRELATED SCALAR SUBQUERY 1', COUNT,
                'RIGHT', 'SEARCH c USING INDEX idx_chat_updated_at (updated_at<?)',
                'CORRELATED SCALAR SUBQUERY 3', COUNT]
    }

    def "an agent's chats read its index the same way"() {
        expect:
        plans.of(LIST.byNumberSql([AGENT])) ==
                ['SEARCH c USING INDEX idx_chat_agent_id_updated_at (agent_id=?)', 'CORRELATED SCALAR SUBQUERY 1', COUNT]
        plans.of(LIST.afterCursorSql([AGENT])) == ['MERGE (UNION ALL)',
                'LEFT', 'SEARCH c USING INDEX idx_chat_agent_id_updated_at (agent_id=? AND updated_at=? AND rowid<?)',
                'CORRELATED SCALAR SUBQUERY 1', COUNT,
                'RIGHT', 'SEARCH c USING INDEX idx_chat_agent_id_updated_at (agent_id=? AND updated_at<?)',
                'CORRELATED SCALAR SUBQUERY 3', COUNT]
        plans.of(LIST.countSql([AGENT])) == ['SEARCH c USING COVERING INDEX idx_chat_agent_id_updated_at (agent_id=?)']
    }
}
