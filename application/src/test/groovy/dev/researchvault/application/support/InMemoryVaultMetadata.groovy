package dev.researchvault.application.support

import dev.researchvault.application.vault.InMemoryVaultScope
import dev.researchvault.domain.account.UserId
import dev.researchvault.domain.vault.VaultMetadata

import java.util.concurrent.ConcurrentHashMap

/** {@link VaultMetadata} per user, for the vault {@link InMemoryVaultScope} has bound (none bound: it throws). */
class InMemoryVaultMetadata implements VaultMetadata {

    final Map<UserId, Map<String, String>> byUser = new ConcurrentHashMap<>()
    /** Set by specs: every write fails with it (a full disk, a damaged vault). */
    volatile RuntimeException failure

    @Override
    Optional<String> get(String name) {
        Optional.ofNullable(byUser[InMemoryVaultScope.owner()]?.get(name))
    }

    @Override
    void put(String name, String value) {
        def owner = InMemoryVaultScope.owner()
        if (failure != null) {
            throw failure
        }
        byUser.computeIfAbsent(owner) { new ConcurrentHashMap<>() }[name] = value
    }
}
