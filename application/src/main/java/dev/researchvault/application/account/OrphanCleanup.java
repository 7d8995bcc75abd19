package dev.researchvault.application.account;

import dev.researchvault.domain.account.AccountRegistry;
import dev.researchvault.domain.account.UserId;
import dev.researchvault.domain.vault.Vaults;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Settles files that no account owns, at start-up, before any request. Only files the server marked as its
 * own half-done work are deleted (a registration killed before its account was recorded, a deletion killed
 * after its account was removed); anything else is quarantined — moved aside, logged, kept. Deleting every
 * unowned directory once erased all users' vaults when the registry had lost its WAL.
 */
public final class OrphanCleanup {

    private static final Logger LOG = LoggerFactory.getLogger(OrphanCleanup.class);

    private final AccountRegistry registry;
    private final Vaults vaults;

    public OrphanCleanup(AccountRegistry registry, Vaults vaults) {
        this.registry = registry;
        this.vaults = vaults;
    }

    /** Settles every user's files without an account; answers how many were settled. */
    public int settleOrphans() {
        int settled = 0;
        for (UserId user : vaults.usersWithFiles()) {
            if (registry.exists(user)) {
                vaults.clearMarkers(user);
                continue;
            }
            Vaults.OrphanOutcome outcome = vaults.settleOrphan(user);
            settled++;
            if (outcome == Vaults.OrphanOutcome.QUARANTINED) {
                LOG.warn("event=vault.quarantined user={} reason=no-account", user);
            } else {
                LOG.info("event=vault.leftover-removed user={}", user);
            }
        }
        return settled;
    }
}
