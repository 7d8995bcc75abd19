package dev.researchvault.bootstrap;

import dev.researchvault.application.vault.Transactions;
import dev.researchvault.application.vault.VaultScope;
import dev.researchvault.application.vault.VaultWork;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** Wires the one helper every use case reaches its vault through, over the vault engine's scope and transactions. */
@Factory
public class VaultWiring {

    @Singleton
    VaultWork vaultWork(VaultScope scope, Transactions transactions) {
        return new VaultWork(scope, transactions);
    }
}
