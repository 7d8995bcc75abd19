package dev.researchvault.application.writing

import dev.researchvault.application.support.Gates
import dev.researchvault.domain.writing.Draft
import dev.researchvault.domain.writing.WritingRepository

/** A writing repository that can hold a thread just before it stores a new draft version (a race in slow motion). */
class GatedWritingRepository implements WritingRepository {

    static final String BEFORE_ADD_VERSION = 'before addVersion'

    private final Gates gates
    @Delegate(excludes = ['addVersion'])
    private final WritingRepository delegate

    GatedWritingRepository(Gates gates, WritingRepository delegate) {
        this.gates = gates
        this.delegate = delegate
    }

    @Override
    void addVersion(Draft revised) {
        gates.pass(BEFORE_ADD_VERSION)
        delegate.addVersion(revised)
    }
}
