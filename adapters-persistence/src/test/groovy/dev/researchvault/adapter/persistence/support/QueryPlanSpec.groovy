package dev.researchvault.adapter.persistence.support

import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Path

/** Base of the specs that assert query plans: one freshly migrated vault schema per spec ({@link QueryPlans}). */
abstract class QueryPlanSpec extends Specification {

    @Shared
    @TempDir
    Path schemaDir

    @Shared
    @AutoCleanup
    QueryPlans plans

    def setupSpec() {
        plans = QueryPlans.onVaultSchema(schemaDir)
    }
}
