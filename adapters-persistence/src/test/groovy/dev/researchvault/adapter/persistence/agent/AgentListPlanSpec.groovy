package dev.researchvault.adapter.persistence.agent

import dev.researchvault.adapter.persistence.sql.ListFilter
import dev.researchvault.adapter.persistence.sql.NewestFirstList
import dev.researchvault.adapter.persistence.support.QueryPlanSpec

/**
 * Every statement of the agent list reads the index of its leading filter in list order, with no sort (see
 * ResearchListPlanSpec for the shape of the cursor statements); the active flag after a model is a check.
 */
class AgentListPlanSpec extends QueryPlanSpec {

    static final NewestFirstList LIST = new NewestFirstList(null, JdbcAgentRepository.LIST, null)
    static final ListFilter MODEL = ListFilter.equal('model', 'm')
    static final ListFilter ACTIVE = ListFilter.equal('active', true)

    def 'page numbers: with #filters it reads #index'() {
        expect:
        plans.of(LIST.byNumberSql(filters)) == [plan]

        where:
        filters         | plan
        []              | 'SCAN agent USING INDEX idx_agent_updated_at'
        [ACTIVE]        | 'SEARCH agent USING INDEX idx_agent_active_updated_at (active=?)'
        [MODEL]         | 'SEARCH agent USING INDEX idx_agent_model_updated_at (model=?)'
        [MODEL, ACTIVE] | 'SEARCH agent USING INDEX idx_agent_model_updated_at (model=?)'
        index = plan.split(' ')[4]
    }

    def 'cursors: with #filters it seeks #index to the cursor twice and merges'() {
        expect:
        plans.of(LIST.afterCursorSql(filters)) == ['MERGE (UNION ALL)',
                                                   'LEFT', "SEARCH agent USING INDEX $index (${prefix}updated_at=? AND rowid<?)",
                                                   'RIGHT', "SEARCH agent USING INDEX $index (${prefix}updated_at<?)"]

        where:
        filters         | index                         | prefix
        []              | 'idx_agent_updated_at'        | ''
        [ACTIVE]        | 'idx_agent_active_updated_at' | 'active=? AND '
        [MODEL]         | 'idx_agent_model_updated_at'  | 'model=? AND '
        [MODEL, ACTIVE] | 'idx_agent_model_updated_at'  | 'model=? AND '
    }

    def 'filtered totals count on the index of their leading filter'() {
        expect:
        plans.of(LIST.countSql([ACTIVE])) == ['SEARCH agent USING COVERING INDEX idx_agent_active_updated_at (active=?)']
        plans.of(LIST.countSql([MODEL, ACTIVE])) == ['SEARCH agent USING INDEX idx_agent_model_updated_at (model=?)']
    }
}
