package dev.researchvault.application.settings;

import dev.researchvault.application.account.Session;

/** The one way a key leaves the vault in clear for its owner: after they prove their password again. */
public interface RevealApiKeyUseCase {

    /** A key in clear; {@code toString} hides it. */
    record RevealedApiKey(String provider, String key) {
        @Override
        public String toString() {
            return "RevealedApiKey[provider=" + provider + "]";
        }
    }

    /**
     * The caller's key for {@code provider}, active or parked; counts as a use ({@code lastUsedAt} is now).
     * Wrong passwords count towards the login throttle.
     *
     * @throws dev.researchvault.domain.ForbiddenException {@code account.password-mismatch}
     * @throws dev.researchvault.domain.TooManyAttemptsException {@code account.too-many-attempts}
     * @throws dev.researchvault.domain.NotFoundException {@code api-key.not-found}
     * @throws dev.researchvault.domain.RuleViolationException {@code api-key.invalid-provider}
     */
    RevealedApiKey reveal(Session session, String provider, String password);
}
