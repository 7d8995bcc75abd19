package dev.researchvault.application.vault

import dev.researchvault.domain.account.UserId

import java.util.concurrent.ConcurrentHashMap
import java.util.function.Supplier

/**
 * The vault engine in miniature, for specs of a service that two users share: one port whose every call goes to
 * the fake of the user whose vault is bound ({@link InMemoryVaultScope#owner}), a fresh fake per user. A service
 * that bound the wrong vault would read and write another user's fake; one that bound none would fail with
 * {@link dev.researchvault.domain.vault.NoVaultBoundException}, as on the real engine.
 */
class VaultPerUser {

    private VaultPerUser() {
    }

    /** A {@code port} that routes each call to {@code newVault}'s fake of the bound user. */
    static <P> P of(Class<P> port, Supplier<? extends P> newVault) {
        Map<UserId, P> vaults = new ConcurrentHashMap<>()
        PortProxy.of(port) { vaults.computeIfAbsent(InMemoryVaultScope.owner()) { newVault.get() } }
    }
}
