package dev.researchvault.application.writing

import dev.researchvault.application.vault.VaultPerUser
import dev.researchvault.application.vault.WritesInTransaction
import dev.researchvault.domain.writing.WritingRepository

/** The writing repository of the service specs: a fake per user's vault, each refusing a write outside a transaction. */
class WritingVaults {

    /** The methods of {@link WritingRepository} that write. */
    static final List<String> WRITES = ['addSession', 'updateSession', 'deleteSession', 'unlinkChat', 'addDraft',
                                        'addVersion', 'deleteDraft', 'addReference', 'deleteReference',
                                        'unlinkDocument', 'unlinkResearch']

    private WritingVaults() {
    }

    static WritingRepository perUser() {
        VaultPerUser.of(WritingRepository) {
            WritesInTransaction.of(WritingRepository, new InMemoryWritingRepository(), WRITES)
        }
    }
}
