package dev.researchvault.domain.apikey;

import dev.researchvault.domain.RuleViolationException;

/**
 * The clear text of an API key. It leaves the vault only through {@link #reveal()}, for the adapter that
 * calls the provider; everything else sees {@link #masked()}. {@link #toString()} never shows it.
 */
public final class ApiKeySecret {

    static final int MIN_LENGTH = 12;
    static final int MAX_LENGTH = 512;
    /** Characters shown at the end of a masked key: enough to tell keys apart, too few to guess one. */
    private static final int SHOWN_SUFFIX = 4;
    /** A vendor prefix such as {@code sk-} is shown when it ends within this many leading characters. */
    private static final int MAX_SHOWN_PREFIX = 4;

    private final String value;

    private ApiKeySecret(String value) {
        this.value = value;
    }

    /**
     * A key as a user offers it.
     *
     * @throws RuleViolationException {@code api-key.invalid-key} unless 12–512 printable, non-blank ASCII characters
     */
    public static ApiKeySecret of(String value) {
        if (value == null || value.length() < MIN_LENGTH || value.length() > MAX_LENGTH
                || !value.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new RuleViolationException("api-key.invalid-key",
                    "an API key has " + MIN_LENGTH + " to " + MAX_LENGTH + " printable ASCII characters without spaces");
        }
        return new ApiKeySecret(value);
    }

    /** The key for a call to its provider. Never log, store outside the vault, or answer it. */
    public String reveal() {
        return value;
    }

    /** The key with all but a vendor prefix and the last four characters hidden, e.g. {@code sk-…4f2a}. */
    public String masked() {
        int separator = value.indexOf('-');
        String prefix = separator >= 0 && separator < MAX_SHOWN_PREFIX ? value.substring(0, separator + 1) : "";
        return prefix + "…" + value.substring(value.length() - SHOWN_SUFFIX);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ApiKeySecret secret && secret.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return "ApiKeySecret[" + masked() + "]";
    }
}
