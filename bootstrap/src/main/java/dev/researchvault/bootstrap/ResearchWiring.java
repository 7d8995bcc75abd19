package dev.researchvault.bootstrap;

import dev.researchvault.application.research.ResearchService;
import dev.researchvault.application.research.ResearchWorkService;
import dev.researchvault.application.vault.Transactions;
import dev.researchvault.application.vault.VaultScope;
import dev.researchvault.domain.research.ResearchRepository;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Wires the research use cases over the vault-backed research repository. */
@Factory
public class ResearchWiring {

    @Singleton
    ResearchService researchService(VaultScope vaultScope, Transactions transactions, ResearchRepository repository,
                                    Clock clock) {
        return new ResearchService(vaultScope, transactions, repository, clock);
    }

    @Singleton
    ResearchWorkService researchWorkService(VaultScope vaultScope, Transactions transactions,
                                            ResearchRepository repository, Clock clock) {
        return new ResearchWorkService(vaultScope, transactions, repository, clock);
    }
}
