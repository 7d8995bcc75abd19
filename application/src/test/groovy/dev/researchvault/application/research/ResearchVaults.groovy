package dev.researchvault.application.research

import dev.researchvault.application.vault.VaultPerUser
import dev.researchvault.application.vault.WritesInTransaction
import dev.researchvault.domain.research.ResearchRepository

/** The research repository of the service specs: a fake per user's vault, each refusing a write outside a transaction. */
class ResearchVaults {

    /** The methods of {@link ResearchRepository} that write. */
    static final List<String> WRITES = ['add', 'update', 'delete', 'detachChat', 'addQuery', 'addResources', 'putReport', 'appendLog']

    private ResearchVaults() {
    }

    static ResearchRepository perUser() {
        VaultPerUser.of(ResearchRepository) {
            WritesInTransaction.of(ResearchRepository, new InMemoryResearchRepository(), WRITES)
        }
    }
}
