package dev.researchvault.application.account;

import dev.researchvault.domain.account.AccountRegistry;
import dev.researchvault.domain.account.UserId;
import dev.researchvault.domain.vault.Vaults;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes files that no account owns: what a registration killed between creating the vault and writing
 * the registry row leaves, or an account deletion killed between removing the row and the files. Run at
 * start-up, before any request, when no registration can be half-way.
 */
public final class OrphanCleanup {

    private static final Logger LOG = LoggerFactory.getLogger(OrphanCleanup.class);

    private final AccountRegistry registry;
    private final Vaults vaults;

    public OrphanCleanup(AccountRegistry registry, Vaults vaults) {
        this.registry = registry;
        this.vaults = vaults;
    }

    /** Deletes the files of every user without an account; answers how many were removed. */
    public int removeOrphans() {
        int removed = 0;
        for (UserId user : vaults.usersWithFiles()) {
            if (!registry.exists(user)) {
                vaults.destroy(user);
                removed++;
                LOG.info("event=vault.orphan-removed user={}", user);
            }
        }
        return removed;
    }
}
