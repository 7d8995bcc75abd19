package dev.researchvault.adapter.persistence.vault

import dev.researchvault.adapter.persistence.support.PersistenceFixture
import dev.researchvault.application.vault.Transactions
import dev.researchvault.domain.StorageFullException
import dev.researchvault.domain.UnavailableException
import dev.researchvault.domain.PageRequest
import dev.researchvault.domain.chat.Chat
import dev.researchvault.domain.chat.ChatRepository
import dev.researchvault.domain.chat.Message
import dev.researchvault.domain.chat.MessageRole
import dev.researchvault.domain.search.SearchIndex
import dev.researchvault.domain.search.SearchKind
import dev.researchvault.domain.search.SearchQuery
import dev.researchvault.domain.vault.VaultMetadata
import io.micronaut.data.exceptions.DataAccessException
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification

import java.sql.SQLException
import java.time.Instant

/**
 * The persistence edge turns SQLite's storage failures into the domain's errors, so the web adapter knows no
 * SQLite result code. The codes and answers are those the HTTP layer gave when it read the codes itself.
 */
class StorageFailuresSpec extends Specification {

    /** One connection per file, so a limit set on it applies to the repositories' next write. */
    @Shared
    @AutoCleanup
    PersistenceFixture fixture = PersistenceFixture.start(['vault.connections-per-file': 1])

    def "a damaged, unreachable or read-only file anywhere in the cause chain is vault.unavailable, with no detail of the failure"() {
        when:
        def translated = StorageFailures.of(new IllegalStateException('wrapper',
                new RuntimeException(new SQLException('[SQLITE_CORRUPT] SELECT secret', null, code)))).get()

        then:
        translated.class == UnavailableException
        translated.code() == 'vault.unavailable'
        translated.message == 'the vault cannot be read or written right now; check GET /api/v1/vault/integrity'

        where: 'corrupt, not a database, read-only, an extended I/O error, cannot open'
        code << [11, 26, 8, 10 | (3 << 8), 14]
    }

    def "a full disk is StorageFullException: nothing is wrong with the vault, and reads go on"() {
        when:
        def translated = StorageFailures.of(new DataAccessException('Error executing PERSIST',
                new SQLException('[SQLITE_FULL] INSERT INTO research', null, 13))).get()

        then:
        translated instanceof StorageFullException
        translated.code() == 'storage.full'
        translated.message == "the server's disk is full: reading works, writing resumes once space is freed"
    }

    def "a busy file is vault.busy, which never points at the integrity check"() {
        when: 'SQLITE_BUSY (5), SQLITE_BUSY_SNAPSHOT (517) or SQLITE_LOCKED (6) as Micronaut Data wraps them'
        def translated = StorageFailures.of(new DataAccessException('Error executing PERSIST',
                new SQLException('[SQLITE_BUSY] INSERT INTO chat_message', null, code))).get()

        then:
        translated.class == UnavailableException
        translated.code() == 'vault.busy'
        translated.message == 'the vault is busy with other writes; try again shortly'

        where:
        code << [5, 5 | (2 << 8), 6]
    }

    def "a SQL bug or a broken constraint is no storage failure: the fault is ours and stays unexpected"() {
        expect: 'SQLITE_ERROR (1), SQLITE_CONSTRAINT (19), no SQL exception at all'
        StorageFailures.of(new RuntimeException(new SQLException('syntax', null, 1))).isEmpty()
        StorageFailures.of(new RuntimeException(new SQLException('UNIQUE', null, 19))).isEmpty()
        StorageFailures.of(new IllegalStateException('SELECT * FROM secret')).isEmpty()
    }

    def "a refused write is told from a damaged vault: full or read-only storage, which leave reading possible"() {
        expect:
        StorageFailures.refusedWrite(new RuntimeException(new SQLException('full', null, 13))).get() instanceof StorageFullException
        StorageFailures.refusedWrite(new RuntimeException(new SQLException('ro', null, 8))).get().code() == 'storage.read-only'
        StorageFailures.refusedWrite(new RuntimeException(new SQLException('corrupt', null, 11))).isEmpty()
    }

    def "a disk that fills up under a repository's write reaches the caller of the vault scope as StorageFullException"() {
        given:
        def alice = vaultThatCannotGrow()
        def rows = fixture.bean(VaultMetaRepository)

        when: 'a Micronaut Data repository writes more than a page'
        fixture.inVault(alice) { rows.upsert('big', 'x' * 20_000) }

        then:
        def full = thrown(StorageFullException)
        full.code() == 'storage.full'

        and: 'reading goes on'
        fixture.inVault(alice) { rows.findById(VaultMetadata.FORMAT).isPresent() }
    }

    def "inside a transaction a full disk is still StorageFullException, and reading goes on"() {
        given: 'SQLite rolls the transaction back on SQLITE_FULL; the manager then fails to end it, and reports only that'
        def alice = vaultThatCannotGrow()
        def rows = fixture.bean(VaultMetaRepository)
        def transactions = fixture.bean(Transactions)

        when:
        fixture.inVault(alice) { transactions.inTransaction { rows.upsert('big', 'x' * 20_000) } }

        then: 'the answer is the cause the work met (507), not the failure of the manager to end the transaction (503)'
        def full = thrown(StorageFullException)
        full.code() == 'storage.full'
        fixture.inVault(alice) { rows.findById(VaultMetadata.FORMAT).isPresent() }
        fixture.inVault(alice) { rows.findById('big') }.isEmpty()
    }

    def "a search on a disk that cannot take the index's queue answers from the index as it stands, and applies the queue once it can"() {
        given: 'a message indexed, then a second one queued, and the disk full'
        def alice = fixture.newVault()
        def chats = fixture.bean(ChatRepository)
        def chat = Chat.create(UUID.randomUUID(), 'notes', Instant.EPOCH)
        def first = new Message(UUID.randomUUID(), chat.id(), MessageRole.USER, 'entanglement first', [], Instant.EPOCH)
        // Long enough that indexing it needs pages the file does not have free (its copy in the index, its terms).
        def longText = 'entanglement second ' + (1..20_000).collect { "w$it" }.join(' ')
        def second = new Message(UUID.randomUUID(), chat.id(), MessageRole.USER, longText, [], Instant.EPOCH)
        fixture.inVault(alice) { fixture.bean(Transactions).inTransaction { chats.add(chat); chats.addMessage(first) } }
        search(alice, 'entanglement')
        fixture.inVault(alice) { fixture.bean(Transactions).inTransaction { chats.addMessage(second) } }
        setMaxPages(alice, null)

        when:
        def found = search(alice, 'entanglement')

        then: 'no 507 for a read: what the index held, the queued message not yet'
        found == [first.id()] as Set

        when: 'the disk has room again'
        setMaxPages(alice, 1_000_000)

        then:
        search(alice, 'entanglement') == [first.id(), second.id()] as Set
    }

    private Set<UUID> search(PersistenceFixture.UserVault vault, String word) {
        fixture.inVault(vault) {
            fixture.bean(SearchIndex).search(SearchQuery.parse(word), EnumSet.allOf(SearchKind), PageRequest.first())
                    .hits().items()*.id() as Set
        }
    }

    /** Limits vault.db to {@code pages}, or to the pages it has now (null): SQLite answers a write past it SQLITE_FULL. */
    private void setMaxPages(PersistenceFixture.UserVault vault, Long pages) {
        fixture.inVault(vault) {
            try (def connection = CurrentVault.connection(VaultFile.VAULT); def statement = connection.createStatement()) {
                def now = statement.executeQuery('PRAGMA page_count').with { next(); getLong(1) }
                statement.execute("PRAGMA max_page_count = ${pages ?: now}")
            }
        }
    }

    /** A new vault whose vault.db may not grow by another page, which SQLite answers as a full disk (SQLITE_FULL). */
    private PersistenceFixture.UserVault vaultThatCannotGrow() {
        def vault = fixture.newVault()
        fixture.inVault(vault) {
            try (def connection = CurrentVault.connection(VaultFile.VAULT); def statement = connection.createStatement()) {
                def pages = statement.executeQuery('PRAGMA page_count').with { next(); getLong(1) }
                statement.execute("PRAGMA max_page_count = ${pages}")
            }
        }
        vault
    }
}
