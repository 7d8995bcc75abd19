package dev.researchvault.adapter.persistence.agent

import dev.researchvault.adapter.persistence.support.QueryPlanSpec

/**
 * Every statement of the agent list reads an index of its filter in list order, with no sort (see
 * ResearchListPlanSpec for the shape of the cursor statements).
 */
class AgentListPlanSpec extends QueryPlanSpec {

    def 'page numbers: #method reads #index'() {
        expect:
        plans.ofQuery(AgentRows, method) == [plan]

        where:
        method                  | plan
        'latestFirst'           | 'SCAN agent USING INDEX idx_agent_updated_at'
        'latestFirstWithActive' | 'SEARCH agent USING INDEX idx_agent_active_updated_at (active=?)'
        'latestFirstOfModel'    | 'SEARCH agent USING INDEX idx_agent_model_updated_at (model=?)'
        index = plan.split(' ')[4]
    }

    def 'cursors: #method seeks #index to the cursor twice and merges'() {
        expect:
        plans.ofQuery(AgentRows, method) == ['MERGE (UNION ALL)',
                                             'LEFT', "SEARCH agent USING INDEX $index (${prefix}updated_at=? AND rowid<?)",
                                             'RIGHT', "SEARCH agent USING INDEX $index (${prefix}updated_at<?)"]

        where:
        method                  | index                         | prefix
        'latestAfter'           | 'idx_agent_updated_at'        | ''
        'latestAfterWithActive' | 'idx_agent_active_updated_at' | 'active=? AND '
        'latestAfterOfModel'    | 'idx_agent_model_updated_at'  | 'model=? AND '
    }

    def 'filtered totals count on the index of their filter'() {
        expect:
        plans.ofQuery(AgentRows, 'countWithActive') == ['SEARCH agent USING COVERING INDEX idx_agent_active_updated_at (active=?)']
        plans.ofQuery(AgentRows, 'countOfModel') == ['SEARCH agent USING INDEX idx_agent_model_updated_at (model=?)']
    }
}
