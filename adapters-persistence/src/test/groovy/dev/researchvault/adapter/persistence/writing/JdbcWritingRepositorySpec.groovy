package dev.researchvault.adapter.persistence.writing

import dev.researchvault.adapter.persistence.support.OneVaultFixture
import dev.researchvault.application.writing.WritingRepositoryContractSpec
import dev.researchvault.domain.chat.Chat
import dev.researchvault.domain.chat.ChatRepository
import dev.researchvault.domain.research.Research
import dev.researchvault.domain.research.ResearchRepository
import dev.researchvault.domain.writing.Draft
import dev.researchvault.domain.writing.WritingRepository
import dev.researchvault.domain.writing.WritingSession
import spock.lang.AutoCleanup
import spock.lang.Shared

/**
 * The writing contract on the real encrypted vault, plus what only SQL shows: the foreign keys' backstop and the
 * cost of a save (one row, nothing earlier rewritten).
 */
class JdbcWritingRepositorySpec extends WritingRepositoryContractSpec {

    @Shared
    @AutoCleanup
    OneVaultFixture vault = new OneVaultFixture()

    @Override
    WritingRepository repository() {
        vault.newVault()
        vault.context.getBean(WritingRepository)
    }

    @Override
    def <T> T inVault(Closure<T> work) {
        vault.inVault(work)
    }

    @Override
    UUID storedChat() {
        Chat chat = Chat.create(UUID.randomUUID(), 'a chat', T0)
        inVault { vault.context.getBean(ChatRepository).add(chat) }
        chat.id()
    }

    @Override
    UUID storedResearch() {
        Research research = Research.create(UUID.randomUUID(), 'a question', 'quick', T0)
        inVault { vault.context.getBean(ResearchRepository).add(research) }
        research.id()
    }

    def 'a chat or research deleted behind the services leaves sessions and references, unlinked by the foreign keys'() {
        given:
        UUID chat = storedChat()
        UUID research = storedResearch()
        WritingSession linked = session('linked', T0, chat)
        Draft d = draft(linked)
        def cited = reference(d, [researchId: research, resourceId: UUID.randomUUID()])

        when:
        vault.execute("DELETE FROM chat WHERE id = '${chat}'")
        vault.execute("DELETE FROM research WHERE id = '${research}'")

        then:
        inVault { repo.findSession(linked.id()) }.get().chatId() == null
        with(inVault { repo.references(d.id()) }.first()) {
            citation() == cited.citation()
            researchId() == null
            resourceId() == null
        }
    }

    def 'a save writes one version row and leaves every earlier version as it was'() {
        given:
        Draft latest = draft(session(), 'x' * 1000)
        (2..20).each { n ->
            latest = latest.revise('x' * (1000 + n), null, n - 1, T0.plusSeconds(n))
            inVault { repo.addVersion(latest) }
        }
        def before = vault.rows('SELECT version, length, created_at FROM draft_version ORDER BY version')

        when:
        inVault { repo.addVersion(latest.revise('new', null, 20, T0.plusSeconds(99))) }

        then:
        vault.rows('SELECT version, length, created_at FROM draft_version ORDER BY version') == before + [[21, 3,
                '2026-05-01T10:01:39.123Z']]
        vault.rows('SELECT version FROM draft') == [[21]]
    }

    def 'the session counter follows adds and deletes (the unfiltered total)'() {
        given:
        def one = session('one')
        session('two')

        when:
        inVault { repo.deleteSession(one.id()) }

        then:
        vault.rows("SELECT row_count FROM row_count WHERE table_name = 'writing_session'") == [[1]]
    }
}
