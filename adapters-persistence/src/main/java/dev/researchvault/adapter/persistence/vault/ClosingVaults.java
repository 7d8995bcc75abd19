package dev.researchvault.adapter.persistence.vault;

import dev.researchvault.domain.account.UserId;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The retired vaults of each user that are not closed yet. Usually none: a retired vault closes when its last
 * request ends. A download read after its request (a lease kept by {@link CurrentVault#retain}) keeps one open for
 * as long as its client reads, and the user may meanwhile open the vault again. Entries leave when they close, so
 * a user's set is empty (and gone) again.
 */
final class ClosingVaults {

    // Sets are added to and emptied inside compute, which the map runs atomically per key, so an empty set is
    // never left behind nor filled after its removal; they are concurrent sets so a snapshot can be read outside.
    private final ConcurrentMap<UserId, Set<OpenVault>> byUser = new ConcurrentHashMap<>();

    void add(UserId user, OpenVault vault) {
        byUser.compute(user, (owner, vaults) -> {
            Set<OpenVault> kept = vaults == null ? ConcurrentHashMap.newKeySet() : vaults;
            kept.add(vault);
            return kept;
        });
    }

    void remove(UserId user, OpenVault vault) {
        byUser.computeIfPresent(user, (owner, vaults) -> {
            vaults.remove(vault);
            return vaults.isEmpty() ? null : vaults;
        });
    }

    /** A snapshot of the user's retired vaults still open (some may close while it is read). */
    List<OpenVault> of(UserId user) {
        return List.copyOf(byUser.getOrDefault(user, Set.of()));
    }
}
