package dev.researchvault.adapter.persistence.agent

import dev.researchvault.adapter.persistence.sql.ListFilter
import dev.researchvault.adapter.persistence.sql.NewestFirstList
import dev.researchvault.adapter.persistence.support.QueryPlanSpec

/**
 * Every statement of the execution list reads the index of its leading filter (agent, else chat, else status)
 * in list order, with no sort; the other filters are checks on the rows found ({@code +column = ?}).
 */
class ExecutionListPlanSpec extends QueryPlanSpec {

    static final String BY_TIME = 'idx_agent_execution_created_at'
    static final String BY_AGENT = 'idx_agent_execution_agent_id_created_at'
    static final String BY_CHAT = 'idx_agent_execution_chat_id_created_at'
    static final String BY_STATUS = 'idx_agent_execution_status_created_at'
    static final NewestFirstList LIST = new NewestFirstList(null, JdbcExecutionRepository.LIST, null)
    static final ListFilter AGENT = ListFilter.equal('agent_id', 'a')
    static final ListFilter CHAT = ListFilter.equal('chat_id', 'c')
    static final ListFilter STATUS = ListFilter.equal('status', 'running')

    def 'page numbers: with #filters it reads #index'() {
        expect:
        plans.of(LIST.byNumberSql(filters)) == [plan]

        where:
        filters               | index     | plan
        []                    | BY_TIME   | "SCAN agent_execution USING INDEX $BY_TIME"
        [AGENT]               | BY_AGENT  | "SEARCH agent_execution USING INDEX $BY_AGENT (agent_id=?)"
        [AGENT, CHAT, STATUS] | BY_AGENT  | "SEARCH agent_execution USING INDEX $BY_AGENT (agent_id=?)"
        [CHAT]                | BY_CHAT   | "SEARCH agent_execution USING INDEX $BY_CHAT (chat_id=?)"
        [CHAT, STATUS]        | BY_CHAT   | "SEARCH agent_execution USING INDEX $BY_CHAT (chat_id=?)"
        [STATUS]              | BY_STATUS | "SEARCH agent_execution USING INDEX $BY_STATUS (status=?)"
    }

    def 'cursors: with #filters it seeks #index to the cursor twice and merges'() {
        expect:
        plans.of(LIST.afterCursorSql(filters)) == ['MERGE (UNION ALL)',
                'LEFT', "SEARCH agent_execution USING INDEX $index (${prefix}created_at=? AND rowid<?)",
                'RIGHT', "SEARCH agent_execution USING INDEX $index (${prefix}created_at<?)"]

        where:
        filters               | index     | prefix
        []                    | BY_TIME   | ''
        [AGENT, CHAT, STATUS] | BY_AGENT  | 'agent_id=? AND '
        [CHAT, STATUS]        | BY_CHAT   | 'chat_id=? AND '
        [STATUS]              | BY_STATUS | 'status=? AND '
    }

    def 'filtered totals: with #filters it counts on #index'() {
        expect:
        plans.of(LIST.countSql(filters))*.replace('COVERING INDEX', 'INDEX') ==
                ["SEARCH agent_execution USING INDEX $index ($column=?)"]

        where:
        filters        | index     | column
        [AGENT, CHAT]  | BY_AGENT  | 'agent_id'
        [CHAT, STATUS] | BY_CHAT   | 'chat_id'
        [STATUS]       | BY_STATUS | 'status'
    }

    def 'log lines are read and numbered on the primary key'() {
        expect:
        plans.ofQuery(ExecutionRows, 'logsAfter') ==
                ['SEARCH agent_execution_log USING PRIMARY KEY (execution_id=? AND sequence>?)']
        plans.ofQuery(ExecutionRows, 'lastLog') == ['SEARCH agent_execution_log USING PRIMARY KEY (execution_id=?)']
    }
}
