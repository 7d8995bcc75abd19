package dev.researchvault.application.usage;

import dev.researchvault.application.account.Session;
import dev.researchvault.domain.usage.UsageGrouping;
import dev.researchvault.domain.usage.UsageTotal;
import java.time.Instant;
import java.util.List;

/** What the caller's model calls cost: "what did my research cost this month?". */
public interface ReadUsageUseCase {

    /** The longest range one question may cover: a usage report is about months, not centuries. */
    long MAX_RANGE_DAYS = 3_660;

    /**
     * Usage recorded in {@code [from, to)} (messages, executions, research), grouped, with the totals over all
     * groups. 400 {@code usage.invalid-range} when {@code from} is not before {@code to} or the range is longer
     * than {@link #MAX_RANGE_DAYS}.
     */
    UsageReport report(Session caller, Instant from, Instant to, UsageGrouping grouping);

    /** The groups and their sum ({@code total.key()} is null). */
    record UsageReport(List<UsageTotal> groups, UsageTotal total) {
    }
}
