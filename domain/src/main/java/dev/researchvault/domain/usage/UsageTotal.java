package dev.researchvault.domain.usage;

import java.math.BigDecimal;

/**
 * Token usage summed over the calls of one group.
 *
 * @param key     the model (null for calls recorded without one) or the UTC day ({@code 2026-11-25})
 * @param costUsd the sum of the costs that were known; calls without a cost add nothing to it
 * @param calls   how many recorded calls (messages, executions, research) the sums cover
 */
public record UsageTotal(String key, long promptTokens, long completionTokens, BigDecimal costUsd, long calls) {
}
