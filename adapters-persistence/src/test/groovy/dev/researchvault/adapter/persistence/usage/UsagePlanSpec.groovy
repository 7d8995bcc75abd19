package dev.researchvault.adapter.persistence.usage

import dev.researchvault.adapter.persistence.support.QueryPlanSpec
import dev.researchvault.domain.usage.UsageGrouping

/**
 * Each usage statement reads only the partial usage index of its table, over the time range, and no table row:
 * the index covers every column summed. Grouping sorts the (few) groups in a temporary tree.
 */
class UsagePlanSpec extends QueryPlanSpec {

    def '#source by #grouping reads the partial usage index of #table alone'() {
        expect:
        plans.of(source.sql(grouping)) == [
                "SEARCH $table USING COVERING INDEX idx_${table}_usage (created_at>? AND created_at<?)".toString(),
                'USE TEMP B-TREE FOR GROUP BY']

        where:
        [source, grouping] << [UsageSource.values(), UsageGrouping.values()].combinations()
        table = [(UsageSource.MESSAGES): 'chat_message', (UsageSource.EXECUTIONS): 'agent_execution',
                 (UsageSource.RESEARCH): 'research'][source]
    }

    def 'whole days by #grouping read the day sums by their key alone'() {
        expect:
        plans.of(UsageDays.sql(grouping)) == expected

        where:
        grouping            | expected
        UsageGrouping.MODEL | ['SEARCH usage_day USING PRIMARY KEY (day>? AND day<?)', 'USE TEMP B-TREE FOR GROUP BY']
        UsageGrouping.DAY   | ['SEARCH usage_day USING PRIMARY KEY (day>? AND day<?)']
    }
}
