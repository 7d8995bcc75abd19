package dev.researchvault.adapter.persistence.agent

import dev.researchvault.adapter.persistence.support.QueryPlanSpec

/**
 * Every statement of the execution list reads the index of its leading filter (agent, else chat, else status)
 * in list order, with no sort; the other filters are checks on the rows found (see ExecutionRows).
 */
class ExecutionListPlanSpec extends QueryPlanSpec {

    static final String BY_TIME = 'idx_agent_execution_created_at'
    static final String BY_AGENT = 'idx_agent_execution_agent_id_created_at'
    static final String BY_CHAT = 'idx_agent_execution_chat_id_created_at'
    static final String BY_STATUS = 'idx_agent_execution_status_created_at'

    def 'page numbers: #method reads #index'() {
        expect:
        plans.ofQuery(ExecutionRows, method) == [plan]

        where:
        method                | index     | plan
        'newestFirst'         | BY_TIME   | "SCAN agent_execution USING INDEX $BY_TIME"
        'newestFirstOfAgent'  | BY_AGENT  | "SEARCH agent_execution USING INDEX $BY_AGENT (agent_id=?)"
        'newestFirstOfChat'   | BY_CHAT   | "SEARCH agent_execution USING INDEX $BY_CHAT (chat_id=?)"
        'newestFirstInStatus' | BY_STATUS | "SEARCH agent_execution USING INDEX $BY_STATUS (status=?)"
    }

    def 'cursors: #method seeks #index to the cursor twice and merges'() {
        expect:
        plans.ofQuery(ExecutionRows, method) == ['MERGE (UNION ALL)',
                'LEFT', "SEARCH agent_execution USING INDEX $index (${prefix}created_at=? AND rowid<?)",
                'RIGHT', "SEARCH agent_execution USING INDEX $index (${prefix}created_at<?)"]

        where:
        method                | index     | prefix
        'newestAfter'         | BY_TIME   | ''
        'newestAfterOfAgent'  | BY_AGENT  | 'agent_id=? AND '
        'newestAfterOfChat'   | BY_CHAT   | 'chat_id=? AND '
        'newestAfterInStatus' | BY_STATUS | 'status=? AND '
    }

    def 'filtered totals: #method counts on #index'() {
        expect:
        plans.ofQuery(ExecutionRows, method)*.replace('COVERING INDEX', 'INDEX') ==
                ["SEARCH agent_execution USING INDEX $index ($column=?)"]

        where:
        method          | index     | column
        'countOfAgent'  | BY_AGENT  | 'agent_id'
        'countOfChat'   | BY_CHAT   | 'chat_id'
        'countInStatus' | BY_STATUS | 'status'
    }

    def 'log lines are read and numbered on the primary key'() {
        expect:
        plans.ofQuery(ExecutionRows, 'logsAfter') ==
                ['SEARCH agent_execution_log USING PRIMARY KEY (execution_id=? AND sequence>?)']
        plans.ofQuery(ExecutionRows, 'lastLog') == ['SEARCH agent_execution_log USING PRIMARY KEY (execution_id=?)']
    }
}
