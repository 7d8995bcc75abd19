package dev.researchvault.application.usage

import dev.researchvault.domain.usage.TokenUsage
import dev.researchvault.domain.usage.UsageGrouping
import dev.researchvault.domain.usage.UsageLedger
import dev.researchvault.domain.usage.UsageTotal
import dev.researchvault.domain.vault.NoVaultBoundException
import spock.lang.Specification

import java.time.Instant

/**
 * What every {@link UsageLedger} must do. A subclass records calls where its ledger reads them (a message, an
 * execution, a research, each created at a time) and runs reads in a bound vault.
 */
abstract class UsageLedgerContractSpec extends Specification {

    static final Instant DAY1 = Instant.parse('2026-11-01T10:00:00Z')
    static final Instant DAY2 = Instant.parse('2026-11-02T23:59:59.999Z')
    static final Instant DAY3 = Instant.parse('2026-11-03T00:00:00Z')

    abstract UsageLedger ledger()

    abstract <T> T inVault(Closure<T> work)

    /** A message created at {@code at} by {@code model} (null: none) with {@code usage} (null: none recorded). */
    abstract void recordMessage(Instant at, String model, TokenUsage usage)

    abstract void recordExecution(Instant at, String model, TokenUsage usage)

    /** A research created at {@code at}; research record no model. */
    abstract void recordResearch(Instant at, TokenUsage usage)

    List<UsageTotal> totals(Instant from, Instant to, UsageGrouping grouping) {
        inVault { ledger().totals(from, to, grouping) }
    }

    def "nothing recorded sums to nothing"() {
        expect:
        totals(DAY1, DAY3, UsageGrouping.MODEL) == []
        totals(DAY1, DAY3, UsageGrouping.DAY) == []
    }

    def "by model, over messages, executions and research; calls without usage do not count"() {
        given:
        recordMessage(DAY1, 'gpt-4o', new TokenUsage(100, 50, 0.01))
        recordMessage(DAY1, 'gpt-4o', null)
        recordMessage(DAY1, null, null)
        recordExecution(DAY2, 'gpt-4o', new TokenUsage(200, 20, null))
        recordExecution(DAY2, 'llama3', new TokenUsage(10, 5, 0))
        recordResearch(DAY2, new TokenUsage(1000, 100, 0.5))

        expect:
        totals(DAY1, DAY3, UsageGrouping.MODEL) == [
                new UsageTotal(null, 1000, 100, 0.5, 1),
                new UsageTotal('gpt-4o', 300, 70, 0.01, 2),
                new UsageTotal('llama3', 10, 5, 0, 1)]
    }

    def "by UTC day, within [from, to)"() {
        given:
        recordMessage(DAY1, 'a', new TokenUsage(1, 1, 0.000001))
        recordExecution(DAY2, 'b', new TokenUsage(2, 2, 0.000002))
        recordResearch(DAY2, new TokenUsage(3, 3, null))
        recordMessage(DAY3, 'c', new TokenUsage(4, 4, 1))

        expect:
        totals(DAY1, DAY3, UsageGrouping.DAY) == [
                new UsageTotal('2026-11-01', 1, 1, 0.000001, 1),
                new UsageTotal('2026-11-02', 5, 5, 0.000002, 2)]
        totals(DAY1.plusMillis(1), DAY3.plusMillis(1), UsageGrouping.DAY)*.key() == ['2026-11-02', '2026-11-03']
    }

    def "costs sum exactly to the micro-dollar"() {
        given:
        1000.times { recordMessage(DAY1, 'm', new TokenUsage(1, 0, 0.000001)) }
        recordMessage(DAY1, 'm', new TokenUsage(1, 0, 0.1))

        expect:
        totals(DAY1, DAY3, UsageGrouping.MODEL)*.costUsd() == [0.101]
        totals(DAY1, DAY3, UsageGrouping.MODEL)*.calls() == [1001]
    }

    def "with no vault bound, the ledger refuses"() {
        when:
        ledger().totals(DAY1, DAY3, UsageGrouping.MODEL)

        then:
        thrown(NoVaultBoundException)
    }
}
