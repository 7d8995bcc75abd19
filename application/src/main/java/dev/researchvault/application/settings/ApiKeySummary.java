package dev.researchvault.application.settings;

import dev.researchvault.domain.apikey.ApiKey;
import java.time.Instant;

/**
 * What the owner may see of an API key: everything but the key, which appears only masked.
 *
 * @param description null when the key has none
 * @param lastUsedAt  null when the key was never used
 */
public record ApiKeySummary(String provider, String masked, String description, boolean active, Instant createdAt,
                            Instant lastUsedAt) {

    public static ApiKeySummary of(ApiKey key) {
        return new ApiKeySummary(key.provider().value(), key.secret().masked(), key.description(), key.active(),
                key.createdAt(), key.lastUsedAt());
    }
}
