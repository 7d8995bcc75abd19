package dev.researchvault.domain.usage;

import dev.researchvault.domain.RuleViolationException;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * What one model call cost: tokens in and out, and the price in US dollars when the caller knows it. Kept on
 * messages, agent executions and research, and summed by {@link UsageLedger}.
 *
 * <p>The cost is held to the micro-dollar ({@link #COST_SCALE} decimals, half-up): prices per token are
 * fractions of a cent, and sums must be exact, so storage keeps whole micro-dollars, never a binary float.
 *
 * @param costUsd null when unknown (a local model, say); never negative
 */
public record TokenUsage(long promptTokens, long completionTokens, BigDecimal costUsd) {

    /** Decimals of a dollar kept: micro-dollars. */
    public static final int COST_SCALE = 6;
    /** More tokens than any call has; also keeps sums far from overflowing a long. */
    public static final long MAX_TOKENS = 1_000_000_000_000L;
    /** A bound on one call's price, so sums stay exact in a long of micro-dollars. */
    public static final BigDecimal MAX_COST_USD = BigDecimal.valueOf(1_000_000_000L);

    public TokenUsage {
        if (promptTokens < 0 || completionTokens < 0 || promptTokens > MAX_TOKENS || completionTokens > MAX_TOKENS) {
            throw new RuleViolationException("usage.invalid-tokens",
                    "promptTokens and completionTokens must be whole numbers between 0 and " + MAX_TOKENS);
        }
        if (costUsd != null) {
            if (costUsd.signum() < 0 || costUsd.compareTo(MAX_COST_USD) > 0) {
                throw new RuleViolationException("usage.invalid-cost", "costUsd must be between 0 and " + MAX_COST_USD);
            }
            costUsd = costUsd.setScale(COST_SCALE, RoundingMode.HALF_UP).stripTrailingZeros();
            if (costUsd.scale() < 0) {
                costUsd = costUsd.setScale(0);
            }
        }
    }

    /** The cost in whole micro-dollars, as stored; null when unknown. */
    public Long costMicros() {
        return costUsd == null ? null : costUsd.movePointRight(COST_SCALE).longValueExact();
    }

    /** The usage whose cost was stored as {@code costMicros} micro-dollars (null: unknown). */
    public static TokenUsage ofStored(long promptTokens, long completionTokens, Long costMicros) {
        return new TokenUsage(promptTokens, completionTokens,
                costMicros == null ? null : BigDecimal.valueOf(costMicros, COST_SCALE));
    }
}
