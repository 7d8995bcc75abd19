package dev.researchvault.application.support

import dev.researchvault.domain.account.UserId
import dev.researchvault.domain.vault.VaultMetadata

import java.util.concurrent.ConcurrentHashMap

/** {@link VaultMetadata} per user, for the vault {@link BoundVaultScope} has bound. */
class InMemoryVaultMetadata implements VaultMetadata {

    final BoundVaultScope scope
    final Map<UserId, Map<String, String>> byUser = new ConcurrentHashMap<>()
    /** Set by specs: every write fails with it (a full disk, a damaged vault). */
    volatile RuntimeException failure

    InMemoryVaultMetadata(BoundVaultScope scope) {
        this.scope = scope
    }

    @Override
    Optional<String> get(String name) {
        Optional.ofNullable(byUser[scope.current()]?.get(name))
    }

    @Override
    void put(String name, String value) {
        if (failure != null) {
            throw failure
        }
        byUser.computeIfAbsent(scope.current()) { new ConcurrentHashMap<>() }[name] = value
    }
}
