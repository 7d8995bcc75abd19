package dev.researchvault.application.usage;

import dev.researchvault.application.account.Session;
import dev.researchvault.application.vault.VaultWork;
import dev.researchvault.domain.RuleViolationException;
import dev.researchvault.domain.usage.UsageGrouping;
import dev.researchvault.domain.usage.UsageLedger;
import dev.researchvault.domain.usage.UsageTotal;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** {@link ReadUsageUseCase} over the caller's vault. */
public record UsageService(VaultWork vault, UsageLedger ledger) implements ReadUsageUseCase {

    @Override
    public UsageReport report(Session caller, Instant from, Instant to, UsageGrouping grouping) {
        if (!from.isBefore(to) || Duration.between(from, to).toDays() > MAX_RANGE_DAYS) {
            throw new RuleViolationException("usage.invalid-range",
                    "from must be before to, at most " + MAX_RANGE_DAYS + " days apart");
        }
        List<UsageTotal> groups = vault.inVault(caller, () -> ledger.totals(from, to, grouping));
        return new UsageReport(groups, sum(groups));
    }

    private static UsageTotal sum(List<UsageTotal> groups) {
        long prompt = 0;
        long completion = 0;
        long calls = 0;
        BigDecimal cost = BigDecimal.ZERO;
        for (UsageTotal group : groups) {
            prompt += group.promptTokens();
            completion += group.completionTokens();
            calls += group.calls();
            cost = cost.add(group.costUsd());
        }
        return new UsageTotal(null, prompt, completion, cost, calls);
    }
}
