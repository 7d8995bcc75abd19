package dev.researchvault.adapter.http.usage;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.researchvault.domain.RuleViolationException;
import dev.researchvault.domain.usage.TokenUsage;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;

/**
 * {@code usage} as it travels in every body that has one (messages, executions, research):
 * {@code {promptTokens, completionTokens, costUsd}}. Tokens are whole numbers; the cost is read as a decimal, so
 * {@code 0.000001} is one micro-dollar exactly, never a binary float.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record UsageJson(@Nullable Long promptTokens, @Nullable Long completionTokens, @Nullable BigDecimal costUsd) {

    /** The domain value; 400 {@code usage.invalid-tokens} when a token count is missing. */
    public TokenUsage toUsage() {
        if (promptTokens == null || completionTokens == null) {
            throw new RuleViolationException("usage.invalid-tokens", "usage needs promptTokens and completionTokens");
        }
        return new TokenUsage(promptTokens, completionTokens, costUsd);
    }

    /** The domain value of an optional body field. */
    public static TokenUsage toUsage(@Nullable UsageJson json) {
        return json == null ? null : json.toUsage();
    }

    /** The body field of an optional domain value. */
    public static UsageJson of(@Nullable TokenUsage usage) {
        return usage == null ? null : new UsageJson(usage.promptTokens(), usage.completionTokens(), usage.costUsd());
    }
}
