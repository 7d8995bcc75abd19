package dev.researchvault.domain.apikey;

import dev.researchvault.domain.RuleViolationException;
import dev.researchvault.domain.Texts;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A user's key for one provider.
 *
 * @param description the user's note about the key, or null
 * @param active      false when the user parked the key: it is kept but not handed out for use
 * @param lastUsedAt  when an adapter last took the key for a call, or null when never
 */
public record ApiKey(ProviderName provider, ApiKeySecret secret, String description, boolean active,
                     Instant createdAt, Instant lastUsedAt) {

    static final int MAX_DESCRIPTION_LENGTH = 200;

    /** @throws RuleViolationException {@code api-key.invalid-description} for a description too long or with control characters */
    public ApiKey {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(createdAt, "createdAt");
        checkDescription(description);
    }

    /** @throws RuleViolationException {@code api-key.invalid-description} for a description (if any) too long or with control characters */
    public static void checkDescription(String description) {
        if (description != null && (description.length() > MAX_DESCRIPTION_LENGTH
                || description.chars().anyMatch(Character::isISOControl)
                || !Texts.isWellFormed(description))) {
            throw new RuleViolationException("api-key.invalid-description",
                    "a description has at most " + MAX_DESCRIPTION_LENGTH + " characters and no control characters");
        }
    }

    /** A key just stored: active, never used. */
    public static ApiKey stored(ProviderName provider, ApiKeySecret secret, String description, boolean active,
                                Instant now) {
        return new ApiKey(provider, secret, description, active, now, null);
    }

    public Optional<String> descriptionText() {
        return Optional.ofNullable(description);
    }

    public Optional<Instant> lastUse() {
        return Optional.ofNullable(lastUsedAt);
    }

    @Override
    public String toString() {
        return "ApiKey[provider=" + provider + ", key=" + secret.masked() + ", active=" + active + "]";
    }
}
