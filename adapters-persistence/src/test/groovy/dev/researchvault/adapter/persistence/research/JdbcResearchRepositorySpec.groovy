package dev.researchvault.adapter.persistence.research

import dev.researchvault.application.research.ResearchRepositoryContractSpec
import dev.researchvault.domain.research.Research
import dev.researchvault.domain.research.ResearchRepository
import spock.lang.AutoCleanup
import spock.lang.Shared

/** The research contract on the real encrypted vault, plus what only SQL can show (cascades, row counts). */
class JdbcResearchRepositorySpec extends ResearchRepositoryContractSpec {

    static final List<String> TABLES = ['research', 'research_query', 'research_resource', 'research_report', 'research_log']

    @Shared
    @AutoCleanup
    EncryptedVaultFixture vault = new EncryptedVaultFixture()

    @Override
    ResearchRepository repository() {
        vault.newVault()
        vault.context.getBean(ResearchRepository)
    }

    @Override
    def <T> T inVault(Closure<T> work) {
        vault.inVault(work)
    }

    def 'deleting a research deletes its rows in every research table, and only its rows'() {
        given:
        Research doomed = research('doomed')
        Research kept = research('kept')
        [doomed, kept].each { fillWithWork(it.id()) }

        expect:
        TABLES.collect { vault.countRows(it) } == [2, 2, 4, 2, 2]

        when:
        inVault { repo.delete(doomed.id()) }

        then:
        TABLES.collect { vault.countRows(it) } == [1, 1, 2, 1, 1]
    }

    def 'a batch of 500 resources is stored'() {
        given:
        Research owner = research('big')

        when:
        inVault { repo.addResources((1..500).collect { resource(owner.id(), null, "https://example.org/$it") }) }

        then:
        vault.countRows('research_resource') == 500
    }
}
