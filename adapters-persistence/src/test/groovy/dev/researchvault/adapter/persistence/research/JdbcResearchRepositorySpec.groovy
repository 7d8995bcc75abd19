package dev.researchvault.adapter.persistence.research

import dev.researchvault.adapter.persistence.support.OneVaultFixture
import dev.researchvault.application.research.ResearchRepositoryContractSpec
import dev.researchvault.domain.Page
import dev.researchvault.domain.PageRequest
import dev.researchvault.domain.research.Research
import dev.researchvault.domain.research.ResearchFilter
import dev.researchvault.domain.research.ResearchRepository
import dev.researchvault.domain.research.ResearchStatus
import spock.lang.AutoCleanup
import spock.lang.Shared

import java.time.Instant

/** The research contract on the real encrypted vault, plus what only SQL can show (cascades, row counts). */
class JdbcResearchRepositorySpec extends ResearchRepositoryContractSpec {

    static final List<String> TABLES = ['research', 'research_query', 'research_resource', 'research_report', 'research_log']

    @Shared
    @AutoCleanup
    OneVaultFixture vault = new OneVaultFixture()

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

    def 'a cursor taken before a VACUUM continues after it: the rowids it carries survive the rebuild'() {
        given: 'eight research of one millisecond, the three oldest deleted, so that a renumbering would show'
        def newestFirst = (1..8).collect { research("r$it").id() }.reverse()
        newestFirst[5..7].each { id -> inVault { repo.delete(id) } }
        Page<Research> first = inVault { repo.list(ResearchFilter.all(), new PageRequest(0, 2)) }

        when:
        vault.vacuum()

        then:
        inVault { repo.list(ResearchFilter.all(), PageRequest.after(first.next(), 10)) }.items()*.id() ==
                newestFirst[2..4]
    }

    def 'a research as versions before V6 wrote it reads back as it did, with no usage'() {
        given: 'a row with only the columns of V2, the usage columns left NULL'
        UUID id = UUID.randomUUID()
        vault.execute("INSERT INTO research (id, query, mode, status, title, progress, created_at, metadata) VALUES "
                + "('$id', 'old question', 'quick', 'pending', 'Old', 5, '2026-05-01T10:00:00.000Z', '{\"k\":1}')")

        expect:
        inVault { repo.find(id) }.get() == new Research(id, 'old question', 'quick', ResearchStatus.PENDING, 'Old', 5,
                Instant.parse('2026-05-01T10:00:00Z'), null, null, [k: 1])
        inVault { repo.find(id) }.get().usage() == null
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
