package dev.researchvault.adapter.persistence.vault

import dev.researchvault.adapter.persistence.support.EncryptedFiles
import dev.researchvault.adapter.persistence.support.PersistenceFixture
import dev.researchvault.application.vault.Transactions
import dev.researchvault.domain.UnavailableException
import dev.researchvault.domain.blob.BlobKey
import dev.researchvault.domain.blob.BlobStore
import dev.researchvault.domain.chat.Chat
import dev.researchvault.domain.chat.ChatRepository
import java.sql.Connection
import java.sql.SQLException
import java.time.Instant
import java.util.concurrent.Callable
import java.util.concurrent.CountDownLatch
import java.util.concurrent.CopyOnWriteArrayList
import java.util.concurrent.Executors
import java.util.concurrent.TimeUnit
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification

/**
 * Write transactions of one vault take turns in arrival order (a fair lock per open vault) instead of
 * sleeping in SQLite's busy handler; other vaults are not held up; a turn that does not come within the
 * busy timeout is a 503 `vault.busy`. Transactions hold SQLite's write lock from their begin (BEGIN
 * IMMEDIATE), so one that reads first can always write; blobs.db writes take turns too.
 */
class VaultWritersSpec extends Specification {

    @Shared
    @AutoCleanup
    PersistenceFixture fixture = PersistenceFixture.start(['vault.busy-timeout': '1s'])

    @AutoCleanup('shutdownNow')
    def pool = Executors.newFixedThreadPool(4)

    Transactions getTransactions() {
        fixture.bean(Transactions)
    }

    def "a second write transaction of the same vault starts only when the first has ended"() {
        given:
        def vault = fixture.newVault()
        def events = new CopyOnWriteArrayList<String>()
        def firstInside = new CountDownLatch(1)

        when:
        def first = pool.submit {
            fixture.inVault(vault) {
                transactions.inTransaction {
                    events << 'first begins'
                    firstInside.countDown()
                    Thread.sleep(300)
                    events << 'first ends'
                }
            }
        }
        firstInside.await(5, TimeUnit.SECONDS)
        def second = pool.submit {
            fixture.inVault(vault) { transactions.inTransaction { events << 'second begins' } }
        }
        first.get(5, TimeUnit.SECONDS)
        second.get(5, TimeUnit.SECONDS)

        then:
        events == ['first begins', 'first ends', 'second begins']
    }

    def "another user's vault writes meanwhile"() {
        given:
        def alice = fixture.newVault()
        def bob = fixture.newVault()
        def aliceInside = new CountDownLatch(1)
        def release = new CountDownLatch(1)

        when:
        def slow = pool.submit {
            fixture.inVault(alice) { transactions.inTransaction { aliceInside.countDown(); release.await(5, TimeUnit.SECONDS) } }
        }
        aliceInside.await(5, TimeUnit.SECONDS)
        def bobWrote = pool.submit({ fixture.inVault(bob) { transactions.inTransaction { 'bob wrote' } } } as Callable).get(2, TimeUnit.SECONDS)
        release.countDown()
        slow.get(5, TimeUnit.SECONDS)

        then:
        bobWrote == 'bob wrote'
    }

    def "a transaction whose turn does not come within the busy timeout is refused as vault.busy, and nested ones re-enter"() {
        given:
        def vault = fixture.newVault()
        def inside = new CountDownLatch(1)
        def release = new CountDownLatch(1)
        def holder = pool.submit {
            fixture.inVault(vault) {
                transactions.inTransaction { transactions.inTransaction { inside.countDown(); release.await(5, TimeUnit.SECONDS) } }
            }
        }
        inside.await(5, TimeUnit.SECONDS)

        when:
        pool.submit({ fixture.inVault(vault) { transactions.inTransaction { 'never' } } } as Callable).get(5, TimeUnit.SECONDS)

        then:
        def failure = thrown(java.util.concurrent.ExecutionException)
        failure.cause instanceof UnavailableException
        (failure.cause as UnavailableException).code() == 'vault.busy'

        cleanup:
        release.countDown()
        holder?.get(5, TimeUnit.SECONDS)
    }

    /** Another process's connection to the vault's file: stock SQLCipher, no turn, no pool. */
    Connection outsider(PersistenceFixture.UserVault vault, VaultFile file, int busyTimeoutMillis) {
        def connection = EncryptedFiles.open(fixture.bean(VaultLayout).file(vault.user, file), vault.key, file)
        connection.createStatement().withCloseable { it.execute("PRAGMA busy_timeout = ${busyTimeoutMillis}") }
        connection
    }

    def "a transaction that read first still writes after another connection committed meanwhile"() {
        given: 'a chat to read'
        def vault = fixture.newVault()
        def chats = fixture.bean(ChatRepository)
        def chat = Chat.create(UUID.randomUUID(), 'read me', Instant.parse('2024-05-01T10:00:00Z'))
        fixture.inVault(vault) { transactions.inTransaction { chats.add(chat) } }
        def other = outsider(vault, VaultFile.VAULT, 5_000)
        def otherCommitted = new CountDownLatch(1)

        when: 'the transaction reads, another connection writes and commits, then the transaction writes'
        def writer = null
        fixture.inVault(vault) {
            transactions.inTransaction {
                assert chats.find(chat.id()).isPresent()
                writer = pool.submit {
                    other.createStatement().withCloseable { it.executeUpdate("UPDATE chat SET title = 'other' WHERE id = '${chat.id()}'") }
                    otherCommitted.countDown()
                }
                // A deferred transaction lets the other write through here, then cannot upgrade (SQLITE_BUSY_SNAPSHOT);
                // an immediate one holds the write lock, so the other write waits and this wait runs out.
                otherCommitted.await(2, TimeUnit.SECONDS)
                chats.touch(chat.id(), Instant.parse('2024-05-02T10:00:00Z'))
            }
        }
        writer.get(10, TimeUnit.SECONDS)

        then: 'both writes happened, the outside one after the transaction'
        fixture.inVault(vault) { chats.find(chat.id()).get().chat() }.title() == 'other'
        fixture.inVault(vault) { chats.find(chat.id()).get().chat() }.updatedAt() == Instant.parse('2024-05-02T10:00:00Z')

        cleanup:
        other?.close()
    }

    def "a transaction holds SQLite's write lock from its begin, before its first write"() {
        given:
        def vault = fixture.newVault()
        def other = outsider(vault, VaultFile.VAULT, 0)
        String outcome = null

        when: 'another connection tries to write while the transaction has only begun'
        fixture.inVault(vault) {
            transactions.inTransaction {
                try {
                    other.createStatement().withCloseable { it.executeUpdate("UPDATE vault_meta SET value = value") }
                    outcome = 'written'
                } catch (SQLException busy) {
                    outcome = "refused ${busy.errorCode & 0xFF}"
                }
            }
        }

        then:
        outcome == 'refused 5'

        cleanup:
        other?.close()
    }

    def "blob writes of one vault take turns in arrival order"() {
        given: 'a turn holder on blobs.db'
        def vault = fixture.newVault()
        def blobs = fixture.bean(BlobStore)
        def events = new CopyOnWriteArrayList<String>()
        def holding = new CountDownLatch(1)
        def holder = pool.submit {
            fixture.inVault(vault) {
                CurrentVault.writeConnection(VaultFile.BLOBS).withCloseable {
                    holding.countDown()
                    Thread.sleep(300)
                    events << 'holder done'
                }
            }
        }
        holding.await(5, TimeUnit.SECONDS)

        when:
        fixture.inVault(vault) { blobs.save(BlobKey.file(UUID.randomUUID(), 0), 'text/plain', 'x'.bytes) }
        events << 'saved'
        holder.get(5, TimeUnit.SECONDS)

        then:
        events == ['holder done', 'saved']
    }

    def "a blob write whose turn does not come within the busy timeout is vault.busy"() {
        given:
        def vault = fixture.newVault()
        def holding = new CountDownLatch(1)
        def release = new CountDownLatch(1)
        def holder = pool.submit {
            fixture.inVault(vault) {
                CurrentVault.writeConnection(VaultFile.BLOBS).withCloseable { holding.countDown(); release.await(5, TimeUnit.SECONDS) }
            }
        }
        holding.await(5, TimeUnit.SECONDS)

        when:
        fixture.inVault(vault) { fixture.bean(BlobStore).save(BlobKey.file(UUID.randomUUID(), 0), 'text/plain', 'x'.bytes) }

        then:
        def busy = thrown(UnavailableException)
        busy.code() == 'vault.busy'

        cleanup:
        release.countDown()
        holder?.get(5, TimeUnit.SECONDS)
    }

    def "a transaction that cannot get SQLite's write lock within the busy timeout is vault.busy, not vault.unavailable"() {
        given: 'another process holds the write lock'
        def vault = fixture.newVault()
        def other = outsider(vault, VaultFile.VAULT, 0)
        other.createStatement().withCloseable { it.execute('BEGIN IMMEDIATE') }

        when:
        fixture.inVault(vault) { transactions.inTransaction { 'never' } }

        then:
        def busy = thrown(UnavailableException)
        busy.code() == 'vault.busy'

        cleanup:
        other?.createStatement()?.withCloseable { it.execute('ROLLBACK') }
        other?.close()
    }
}
