package dev.researchvault.adapter.persistence.chat

import dev.researchvault.adapter.persistence.support.QueryPlanSpec

/**
 * The chat list reads {@code idx_chat_updated_at} in list order, with no sort: by page number from the
 * top, after a cursor from two seeks merged (see ResearchListPlanSpec); each chat's messages are counted on
 * their index.
 */
class ChatListPlanSpec extends QueryPlanSpec {

    static final String COUNT = 'SEARCH m USING COVERING INDEX idx_chat_message_chat_id_created_at (chat_id=?)'

    def 'page numbers read the update time index from the top'() {
        expect:
        plans.ofQuery(ChatRows, 'latestFirst') ==
                ['SCAN c USING INDEX idx_chat_updated_at', 'CORRELATED SCALAR SUBQUERY 1', COUNT]
    }

    def 'a cursor seeks the update time index twice and merges'() {
        expect:
        plans.ofQuery(ChatRows, 'latestAfter') == ['MERGE (UNION ALL)',
                'LEFT', 'SEARCH c USING INDEX idx_chat_updated_at (updated_at=? AND rowid<?)',
                'CORRELATED SCALAR SUBQUERY 1', COUNT,
                'RIGHT', 'SEARCH c USING INDEX idx_chat_updated_at (updated_at<?)',
                'CORRELATED SCALAR SUBQUERY 3', COUNT]
    }

    def "an agent's chats read its index the same way"() {
        expect:
        plans.ofQuery(ChatRows, 'latestFirstOfAgent') ==
                ['SEARCH c USING INDEX idx_chat_agent_id_updated_at (agent_id=?)', 'CORRELATED SCALAR SUBQUERY 1', COUNT]
        plans.ofQuery(ChatRows, 'latestAfterOfAgent') == ['MERGE (UNION ALL)',
                'LEFT', 'SEARCH c USING INDEX idx_chat_agent_id_updated_at (agent_id=? AND updated_at=? AND rowid<?)',
                'CORRELATED SCALAR SUBQUERY 1', COUNT,
                'RIGHT', 'SEARCH c USING INDEX idx_chat_agent_id_updated_at (agent_id=? AND updated_at<?)',
                'CORRELATED SCALAR SUBQUERY 3', COUNT]
        plans.ofQuery(ChatRows, 'countOfAgent') == ['SEARCH chat USING COVERING INDEX idx_chat_agent_id_updated_at (agent_id=?)']
    }
}
