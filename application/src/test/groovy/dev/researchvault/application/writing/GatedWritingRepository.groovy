package dev.researchvault.application.writing

import dev.researchvault.application.support.Gates
import dev.researchvault.domain.writing.Draft

/** The in-memory writing repository that can hold a thread just before it stores a new draft version. */
class GatedWritingRepository extends InMemoryWritingRepository {

    static final String BEFORE_ADD_VERSION = 'before addVersion'

    private final Gates gates

    GatedWritingRepository(Gates gates) {
        this.gates = gates
    }

    @Override
    void addVersion(Draft revised) { // not synchronized: the held thread must not lock the fake
        gates.pass(BEFORE_ADD_VERSION)
        super.addVersion(revised)
    }
}
