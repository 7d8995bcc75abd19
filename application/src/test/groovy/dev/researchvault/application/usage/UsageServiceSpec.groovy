package dev.researchvault.application.usage

import dev.researchvault.application.account.Session
import dev.researchvault.application.support.TestSessions
import dev.researchvault.application.vault.RecordingVaultScope
import dev.researchvault.domain.RuleViolationException
import dev.researchvault.domain.usage.UsageGrouping
import dev.researchvault.domain.usage.UsageLedger
import dev.researchvault.domain.usage.UsageTotal
import spock.lang.Specification

import java.time.Duration
import java.time.Instant

/** The usage report: the ledger's groups in the caller's vault, their total, and the range's rules. */
class UsageServiceSpec extends Specification {

    static final Instant FROM = Instant.parse('2026-11-01T00:00:00Z')
    static final Instant TO = Instant.parse('2026-12-01T00:00:00Z')

    RecordingVaultScope scope = new RecordingVaultScope()
    UsageLedger ledger = Mock()
    UsageService service = new UsageService(scope.vaultWork(), ledger)
    Session alice = TestSessions.of('alice')

    def "the groups come from the ledger in the caller's vault, with their total"() {
        given:
        ledger.totals(FROM, TO, UsageGrouping.MODEL) >> [new UsageTotal(null, 10, 1, 0, 1),
                                                         new UsageTotal('gpt-4o', 300, 70, 0.012345, 2)]

        when:
        def report = service.report(alice, FROM, TO, UsageGrouping.MODEL)

        then:
        report.groups()*.key() == [null, 'gpt-4o']
        report.total() == new UsageTotal(null, 310, 71, 0.012345, 3)
        scope.onlyBound(alice)
    }

    def "nothing recorded is a zero total"() {
        given:
        ledger.totals(*_) >> []

        expect:
        service.report(alice, FROM, TO, UsageGrouping.DAY).total() == new UsageTotal(null, 0, 0, 0, 0)
    }

    def "a range that is empty, reversed or longer than ten years is refused before the vault is opened"() {
        when:
        service.report(alice, from, to, UsageGrouping.DAY)

        then:
        def refused = thrown(RuleViolationException)
        refused.code() == 'usage.invalid-range'
        0 * ledger._
        scope.bindings.isEmpty()

        where:
        from | to
        FROM | FROM
        TO   | FROM
        FROM | FROM + Duration.ofDays(ReadUsageUseCase.MAX_RANGE_DAYS + 1)
    }
}
