package dev.researchvault.domain.apikey;

import dev.researchvault.domain.RuleViolationException;
import java.util.regex.Pattern;

/** The service an API key is for, e.g. {@code openai} or {@code brave-search}: lower case, 1–64 characters. */
public record ProviderName(String value) {

    private static final Pattern FORMAT = Pattern.compile("[a-z0-9._-]{1,64}");

    /** @throws RuleViolationException {@code api-key.invalid-provider} when the name breaks the format */
    public ProviderName {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new RuleViolationException("api-key.invalid-provider",
                    "a provider name has 1 to 64 characters among a-z, 0-9, '.', '_' and '-'");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
