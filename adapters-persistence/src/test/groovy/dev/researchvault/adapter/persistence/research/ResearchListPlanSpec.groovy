package dev.researchvault.adapter.persistence.research

import dev.researchvault.adapter.persistence.support.QueryPlans
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Path

/**
 * Every statement of the research list, by page number or after a cursor (the same statement), reads a
 * range of its time index in list order: no full scan of the table, no sort. The cursor bound shows as
 * {@code created_at<?}: SQLite seeks to it and walks from there, however deep it lies.
 */
class ResearchListPlanSpec extends Specification {

    @Shared
    @TempDir
    Path dir

    @Shared
    @AutoCleanup
    QueryPlans plans

    def setupSpec() {
        plans = QueryPlans.onVaultSchema(dir)
    }

    def '#method searches #index from the cursor on, without sorting'() {
        when:
        List<String> plan = plans.ofQuery(ResearchRows, method)

        then:
        plan == ["SEARCH research USING INDEX $index ($range)".toString()]

        where:
        method                          | index                            | range
        'newestFirst'                   | 'idx_research_created_at'        | 'created_at<?'
        'newestFirstMatching'           | 'idx_research_created_at'        | 'created_at<?'
        'newestFirstWithStatus'         | 'idx_research_status_created_at' | 'status=? AND created_at<?'
        'newestFirstWithStatusMatching' | 'idx_research_status_created_at' | 'status=? AND created_at<?'
    }
}
