package dev.researchvault.application.vault

import dev.researchvault.domain.account.UserId
import dev.researchvault.domain.vault.MasterKey
import dev.researchvault.domain.vault.VaultMaintenance

/**
 * {@link VaultMaintenance} of one vault, for service specs: answers the figures the spec set and records what it
 * was asked. {@link #stats} and {@link #vacuum} work on the bound vault and fail without one, as the SQLite adapter
 * does; {@link #checkIntegrity} opens its own connections from the user and key it is handed, so it needs none.
 */
class InMemoryVaultMaintenance implements VaultMaintenance {

    private final OneVault vault = new OneVault()

    /** What {@link #checkIntegrity} answers. */
    IntegrityReport integrity = new IntegrityReport(true, true, [])
    /** What {@link #stats} answers. */
    Map<String, FileStats> files = ['vault.db': new FileStats(8192, 0, 2, 0, [research: 0L]),
                                    'blobs.db': new FileStats(4096, 0, 1, 0, [blobs: 0L])]
    /** Bytes the next {@link #vacuum} gives back; none after it, as the files are compact then. */
    long reclaimable
    /** Runs at the start of each {@link #vacuum}, with the vault bound: lets a spec see what the vault holds then. */
    Closure<?> onVacuum = {}
    /** The user and key of each integrity check, in call order. */
    final List<VaultOwner> integrityChecks = []
    int vacuums

    @Override
    synchronized IntegrityReport checkIntegrity(UserId user, MasterKey key) {
        integrityChecks << VaultOwner.of(user, key)
        integrity
    }

    @Override
    synchronized Map<String, FileStats> stats() {
        vault.enter()
        files
    }

    @Override
    synchronized long vacuum() {
        vault.enter()
        onVacuum.call()
        vacuums++
        long reclaimed = reclaimable
        reclaimable = 0
        reclaimed
    }
}
