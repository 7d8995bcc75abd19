package dev.researchvault.application.account;

import dev.researchvault.application.vault.VaultOwner;
import dev.researchvault.application.vault.VaultWork;
import dev.researchvault.domain.UnavailableException;
import dev.researchvault.domain.account.AccountRegistry;
import dev.researchvault.domain.account.UserAccount;
import dev.researchvault.domain.vault.MasterKey;
import dev.researchvault.domain.vault.VaultMetadata;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a successful login writes down: its time in the registry, the unlock time in the vault. Both are
 * informative, so storage that refuses them (a full disk) never stops a login; the vault write also tells
 * whether the vault can be used at all.
 */
public record LoginRecords(AccountRegistry registry, VaultWork vault, VaultMetadata metadata, Clock clock) {

    private static final Logger LOG = LoggerFactory.getLogger(LoginRecords.class);

    /** The login time is informative: a registry that cannot be written (full disk) must not stop a login. */
    void recordLogin(UserAccount user) {
        try {
            registry.recordLogin(user.id(), clock.instant());
        } catch (UnavailableException full) {
            LOG.warn("event=login.time-not-recorded user={} code={}", user.id(), full.code());
        }
    }

    /**
     * Writes the unlock time into the vault; false when the vault cannot be used (damaged). A vault that
     * opens but cannot be written (full disk) is usable for reading.
     */
    boolean recordUnlock(UserAccount user, MasterKey key) {
        String now = clock.instant().toString();
        try {
            vault.inTransaction(VaultOwner.of(user.id(), key), () -> {
                metadata.put(VaultMetadata.LAST_UNLOCKED_AT, now);
                return now;
            });
            return true;
        } catch (UnavailableException unusable) {
            if (unusable.code().startsWith("storage.")) {
                // Full or read-only storage: the vault opened and reads work; only this write was refused.
                LOG.warn("event=login.unlock-time-not-recorded user={} code={}", user.id(), unusable.code());
                return true;
            }
            LOG.warn("event=login.vault-unusable user={} code={}", user.id(), unusable.code());
            return false;
        }
    }
}
