package dev.researchvault.domain.usage;

import dev.researchvault.domain.vault.VaultBound;
import java.time.Instant;
import java.util.List;

/**
 * The bound vault's token usage, summed from where it is recorded: messages, agent executions and research,
 * each counted at its creation time.
 */
@VaultBound
public interface UsageLedger {

    /**
     * Sums of the usage recorded in {@code [from, to)}, one per group, ordered by key (nulls first); groups without
     * any recorded call are not answered.
     */
    List<UsageTotal> totals(Instant from, Instant to, UsageGrouping grouping);
}
