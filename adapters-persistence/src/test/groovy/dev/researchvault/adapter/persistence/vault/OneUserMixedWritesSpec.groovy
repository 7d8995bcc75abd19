package dev.researchvault.adapter.persistence.vault

import dev.researchvault.application.blob.UploadLimits
import dev.researchvault.adapter.persistence.support.PersistenceFixture
import dev.researchvault.application.account.Session
import dev.researchvault.application.blob.PendingBlobOwners
import dev.researchvault.application.chat.ChatService
import dev.researchvault.application.blob.FileSizeLimit
import dev.researchvault.application.chat.NewFile
import dev.researchvault.application.chat.PostMessageCommand
import dev.researchvault.application.research.ResearchService
import dev.researchvault.application.research.StartResearchCommand
import dev.researchvault.application.vault.Transactions
import dev.researchvault.application.vault.VaultWork
import dev.researchvault.domain.PageRequest
import dev.researchvault.domain.account.Username
import dev.researchvault.domain.agent.AgentRepository
import dev.researchvault.domain.agent.ExecutionRepository
import dev.researchvault.domain.blob.BlobKey
import dev.researchvault.domain.blob.BlobStore
import dev.researchvault.domain.chat.ChatRepository
import dev.researchvault.domain.chat.MessageRole
import dev.researchvault.domain.research.ResearchFilter
import dev.researchvault.domain.research.ResearchRepository
import dev.researchvault.domain.writing.WritingRepository
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification

import java.time.Clock
import java.time.Instant
import java.util.concurrent.Callable
import java.util.concurrent.CountDownLatch
import java.util.concurrent.Executors
import java.util.concurrent.TimeUnit

/**
 * Issue 12, item 7: one user's message posts (a read of the chat, then the insert, in one transaction)
 * running while the same user creates research (autocommit inserts) and other writes. A deferred transaction
 * that read first could not take SQLite's write lock once another write had committed (SQLITE_BUSY, which no
 * busy handler can resolve), and the post failed with a 503. Every write must wait its turn and succeed.
 */
class OneUserMixedWritesSpec extends Specification {

    static final int THREADS = 8
    static final int ROUNDS = 25

    @Shared
    @AutoCleanup
    PersistenceFixture fixture = PersistenceFixture.start()

    @AutoCleanup('shutdownNow')
    def pool = Executors.newFixedThreadPool(THREADS)

    def "concurrent message posts with files and research creations of one user all succeed"() {
        given:
        def vault = fixture.newVault()
        def session = new Session('t', vault.user, new Username('ann'), vault.key, 0, Instant.now(), Instant.MAX)
        def work = new VaultWork(fixture.bean(OpenVaults), fixture.bean(Transactions))
        def blobs = fixture.bean(BlobStore)
        def chats = new ChatService(work, fixture.bean(ChatRepository), fixture.bean(AgentRepository),
                fixture.bean(ExecutionRepository), fixture.bean(ResearchRepository), fixture.bean(WritingRepository), blobs, fixture.bean(dev.researchvault.domain.blob.BlobUploads),
                UploadLimits.of(new FileSizeLimit(1 << 20)), new PendingBlobOwners(), dev.researchvault.application.events.ChangeFeed.NONE, Clock.systemUTC())
        def research = new ResearchService(work, fixture.bean(ResearchRepository), fixture.bean(ChatRepository),
                fixture.bean(WritingRepository), dev.researchvault.application.events.ChangeFeed.NONE, Clock.systemUTC())
        def chatId = chats.create(session, 'busy').chat().id()
        def start = new CountDownLatch(1)

        when:
        def outcomes = (0..<THREADS).collect { thread ->
            pool.submit({
                start.await(10, TimeUnit.SECONDS)
                def failures = []
                ROUNDS.times { round ->
                    try {
                        if ((thread + round) % 2 == 0) {
                            def file = NewFile.of("f${round}.txt", 'text/plain', ("bytes of ${thread}/${round} " * 200).bytes)
                            chats.post(session, chatId, new PostMessageCommand(MessageRole.USER, "m ${thread}/${round}", [file]))
                        } else if (round % 5 == 1) {
                            chats.create(session, "chat ${thread}/${round}")
                        } else {
                            research.start(session, new StartResearchCommand("query ${thread}/${round}", "quick"))
                        }
                    } catch (Exception failure) {
                        failures << "${failure.class.simpleName}: ${failure.message}"
                    }
                }
                failures
            } as Callable<List<String>>)
        }
        start.countDown()
        def failures = outcomes.collectMany { it.get(120, TimeUnit.SECONDS) }

        then:
        failures == []

        and: 'every post left its row and its blob'
        def messages = chats.messages(session, chatId, new PageRequest(0, 200)).items()
        messages.size() == THREADS * ROUNDS / 2
        fixture.inVault(vault) { messages.every { blobs.exists(BlobKey.file(it.id(), 0)) } }
        research.list(session, ResearchFilter.all(), new PageRequest(0, 200)).total() > 0
    }
}
