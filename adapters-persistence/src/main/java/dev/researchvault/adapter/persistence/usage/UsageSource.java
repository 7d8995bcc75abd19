package dev.researchvault.adapter.persistence.usage;

import dev.researchvault.domain.usage.UsageGrouping;

/**
 * The tables that record token usage, and the one statement per table and grouping that sums them. Each reads
 * only its partial usage index ({@code idx_*_usage}, V6__agents_and_usage.sql) over the time range: the
 * {@code prompt_tokens IS NOT NULL} term is the index's own condition, which is what lets SQLite use a partial
 * index at all; the index holds every column summed, so no table row is read (UsagePlanSpec). Groups are
 * summed in SQL; the few group rows of the three tables are merged by {@link JdbcUsageLedger}.
 */
enum UsageSource {
    MESSAGES("chat_message", "model"),
    EXECUTIONS("agent_execution", "model"),
    /** Research records no model: all of it is one group, the null model. */
    RESEARCH("research", "NULL");

    /** Times are sortable UTC text ({@code 2026-11-25T…}): their first ten characters are the UTC day. */
    private static final String DAY = "substr(created_at, 1, 10)";

    private final String table;
    private final String model;

    UsageSource(String table, String model) {
        this.table = table;
        this.model = model;
    }

    /**
     * Rows of (group key, prompt tokens, completion tokens, cost in micro-dollars, calls) for
     * {@code created_at} in {@code [?, ?)}. A group whose calls all lack a cost sums NULL (read as 0).
     */
    String sql(UsageGrouping grouping) {
        String key = grouping == UsageGrouping.DAY ? DAY : model;
        return "SELECT " + key + ", SUM(prompt_tokens), SUM(completion_tokens), SUM(cost_micros), COUNT(*) FROM "
                + table + " WHERE prompt_tokens IS NOT NULL AND created_at >= ? AND created_at < ? GROUP BY " + key;
    }
}
