package dev.researchvault.application.settings;

import dev.researchvault.application.account.Session;
import java.util.List;

/** The caller's API keys, as the owner manages them. No method answers a key in clear. */
public interface ManageApiKeysUseCase {

    /**
     * @param key         the clear key; its {@code toString} hides it
     * @param description the owner's note, or null
     * @param active      false to keep the key without it being used
     */
    record SaveApiKeyCommand(String provider, String key, String description, boolean active) {
        @Override
        public String toString() {
            return "SaveApiKeyCommand[provider=" + provider + "]";
        }
    }

    /** The caller's keys, masked, ordered by provider. */
    List<ApiKeySummary> list(Session session);

    /**
     * Stores the caller's key for a provider, replacing an earlier one (which then counts as new: created
     * now, never used). Idempotent in effect.
     *
     * @return the stored key, masked
     * @throws dev.researchvault.domain.RuleViolationException {@code api-key.invalid-provider},
     *         {@code api-key.invalid-key} or {@code api-key.invalid-description}
     */
    ApiKeySummary save(Session session, SaveApiKeyCommand command);

    /**
     * Removes the caller's key for a provider.
     *
     * @throws dev.researchvault.domain.NotFoundException {@code api-key.not-found} when there is none
     * @throws dev.researchvault.domain.RuleViolationException {@code api-key.invalid-provider}
     */
    void delete(Session session, String provider);
}
