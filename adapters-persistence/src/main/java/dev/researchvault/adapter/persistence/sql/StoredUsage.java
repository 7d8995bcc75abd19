package dev.researchvault.adapter.persistence.sql;

import dev.researchvault.domain.usage.TokenUsage;
import java.math.BigDecimal;

/**
 * Token usage as the tables that record it store it ({@code chat_message}, {@code agent_execution},
 * {@code research}): three nullable INTEGER columns {@code prompt_tokens}, {@code completion_tokens} and
 * {@code cost_micros}, the cost in whole micro-dollars so that SQL sums are exact. A row without usage has
 * NULL tokens, which is also what keeps it out of the partial usage indexes (V6__agents_and_usage.sql).
 */
public final class StoredUsage {

    private StoredUsage() {
    }

    public static Long promptTokens(TokenUsage usage) {
        return usage == null ? null : usage.promptTokens();
    }

    public static Long completionTokens(TokenUsage usage) {
        return usage == null ? null : usage.completionTokens();
    }

    public static Long costMicros(TokenUsage usage) {
        return usage == null ? null : usage.costMicros();
    }

    /** The usage of a row; null when it recorded none (prompt tokens NULL). */
    public static TokenUsage read(Long promptTokens, Long completionTokens, Long costMicros) {
        if (promptTokens == null) {
            return null;
        }
        return TokenUsage.ofStored(promptTokens, completionTokens == null ? 0 : completionTokens, costMicros);
    }

    /**
     * Dollars from a sum of micro-dollars, written as {@link TokenUsage} writes a cost: no trailing zeros, so
     * equal sums compare equal whatever they were summed from.
     */
    public static BigDecimal dollars(long costMicros) {
        BigDecimal dollars = BigDecimal.valueOf(costMicros, TokenUsage.COST_SCALE).stripTrailingZeros();
        return dollars.scale() < 0 ? dollars.setScale(0) : dollars;
    }
}
