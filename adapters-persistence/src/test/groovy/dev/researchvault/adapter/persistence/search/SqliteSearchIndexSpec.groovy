package dev.researchvault.adapter.persistence.search

import dev.researchvault.adapter.persistence.support.OneVaultFixture
import dev.researchvault.application.search.SearchIndexContractSpec
import dev.researchvault.domain.PageRequest
import dev.researchvault.domain.chat.Chat
import dev.researchvault.domain.chat.ChatRepository
import dev.researchvault.domain.chat.Message
import dev.researchvault.domain.chat.MessageRole
import dev.researchvault.domain.research.Research
import dev.researchvault.domain.research.ResearchReport
import dev.researchvault.domain.research.ResearchRepository
import dev.researchvault.domain.search.SearchIndex
import dev.researchvault.domain.search.SearchKind
import spock.lang.AutoCleanup
import spock.lang.Shared

/**
 * The search contract on the real encrypted vault, where the index is FTS5 kept by triggers, plus what only SQL
 * shows: deletions leave no index rows behind, and which totals are counted exactly.
 */
class SqliteSearchIndexSpec extends SearchIndexContractSpec {

    @Shared
    @AutoCleanup
    OneVaultFixture vault = new OneVaultFixture()

    @Override
    SearchIndex freshIndex() {
        vault.newVault()
        vault.context.getBean(SearchIndex)
    }

    @Override
    def <T> T port(Class<T> type) {
        vault.context.getBean(type)
    }

    @Override
    def <T> T inVault(Closure<T> work) {
        vault.inVault(work)
    }

    def 'deleting what was indexed leaves no entry and no text in the index'() {
        given:
        Research r = research('quantum dots')
        Chat c = chat('old title')
        message(c, 'first draft')
        inVault { port(ResearchRepository).putReport(ResearchReport.draft(r.id(), 'about perovskite', 'markdown', T0)) }

        when:
        inVault {
            port(ChatRepository).delete(c.id())
            port(ResearchRepository).delete(r.id())
        }

        then:
        vault.countRows('search_entry') == 0
        vault.rows('SELECT count(*) FROM search_text')[0][0] == 0
        vault.rows("SELECT count(*) FROM search_text WHERE search_text MATCH 'quantum OR perovskite OR draft'")[0][0] == 0

        when: 'FTS5 checks its index against what it holds'
        vault.execute("INSERT INTO search_text (search_text) VALUES ('integrity-check')")

        then:
        noExceptionThrown()
    }

    def 'beyond 2,000 matches, words are counted exactly on the index; phrases, split words and kind filters just past 2,000'() {
        given:
        Chat c = chat('many')
        manyMessages(c, SearchIndex.RANKED + 1, 'common word')
        (1..5).each { message(c, "common word again $it") }

        when:
        def words = search('common', EnumSet.allOf(SearchKind), new PageRequest(0, 3))
        def capped = [search('"common word"', EnumSet.allOf(SearchKind), new PageRequest(0, 3)),
                      search('common', EnumSet.of(SearchKind.MESSAGE), new PageRequest(0, 3)),
                      search('common-word', EnumSet.allOf(SearchKind), new PageRequest(0, 3))]

        then:
        words.totalExact()
        words.hits().total() == SearchIndex.RANKED + 6
        capped.every { !it.totalExact() && it.hits().total() == SearchIndex.RANKED + 1 && it.hits().items().size() == 3 }
        capped[1].hits().items().every { it.kind() == SearchKind.MESSAGE }

        and: 'fewer than 2,000 matches are counted exactly whatever the query'
        search('"word again"', EnumSet.of(SearchKind.MESSAGE), PageRequest.first()).with { totalExact() && hits().total() == 5 }
    }
}
