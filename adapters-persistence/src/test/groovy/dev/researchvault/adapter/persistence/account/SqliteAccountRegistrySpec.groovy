package dev.researchvault.adapter.persistence.account

import dev.researchvault.application.account.AccountRegistryContract
import dev.researchvault.domain.account.AccountRegistry
import dev.researchvault.adapter.persistence.vault.StorageFaults
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path
import java.sql.DriverManager
import java.time.Duration

class SqliteAccountRegistrySpec extends AccountRegistryContract {

    @TempDir
    Path dataDir

    @TempDir
    Path elsewhere

    List<SqliteAccountRegistry> opened = []

    StorageFaults faults = new StorageFaults()

    @Override
    AccountRegistry newRegistry() {
        def registry = new SqliteAccountRegistry(dataDir.resolve('registry.db'), Duration.ofSeconds(5), faults)
        opened << registry
        registry
    }

    @Override
    void storageRefusesWrites() {
        faults.full = true
    }

    @Override
    void storageRecovers() {
        faults.full = false
    }

    def cleanup() {
        opened*.close()
    }

    def "accounts survive reopening the registry"() {
        given:
        def alice = account('alice')
        registry.add(alice)

        expect:
        newRegistry().findByUsername(alice.username()).get() == alice
    }

    def "every account change reaches registry.db itself: a copy of it without its -wal has the change"() {
        given:
        def ann = account('ann', 1)

        when:
        registry.add(ann)

        then:
        copyWithoutWal('SELECT kdf_salt FROM account WHERE id = ?', ann.id()) == [kdf(1).salt()]

        when:
        registry.stageKdfChange(ann.id(), kdf(2))

        then:
        copyWithoutWal('SELECT pending_kdf_salt FROM account WHERE id = ?', ann.id()) == [kdf(2).salt()]

        when:
        registry.completeKdfChange(ann.id())

        then:
        copyWithoutWal('SELECT kdf_salt FROM account WHERE id = ?', ann.id()) == [kdf(2).salt()]

        when:
        registry.remove(ann.id())

        then:
        copyWithoutWal('SELECT kdf_salt FROM account WHERE id = ?', ann.id()) == []
    }

    def "a checkpoint blocked by a reader never fails the change, and the next change folds both in"() {
        given: 'a reader elsewhere holding a snapshot from before the change'
        def reader = DriverManager.getConnection("jdbc:sqlite:${dataDir.resolve('registry.db')}")
        reader.autoCommit = false
        reader.createStatement().executeQuery('SELECT count(*) FROM account').close()
        def bea = account('bea', 1)

        when:
        long started = System.nanoTime()
        registry.add(bea)
        long tookMillis = (System.nanoTime() - started).intdiv(1_000_000)

        then: 'the account is added, after a short wait, not the busy timeout (5 s here)'
        registry.exists(bea.id())
        tookMillis < 3000

        when: 'the reader ends; the next change checkpoints everything'
        reader.rollback()
        reader.close()
        def cid = account('cid', 2)
        registry.add(cid)

        then:
        copyWithoutWal('SELECT kdf_salt FROM account WHERE id = ?', bea.id()) == [kdf(1).salt()]
        copyWithoutWal('SELECT kdf_salt FROM account WHERE id = ?', cid.id()) == [kdf(2).salt()]

        cleanup:
        reader?.close()
    }

    /** What plain SQLite reads from a copy of registry.db alone, as a restore without the -wal would see it. */
    private List<byte[]> copyWithoutWal(String sql, Object id) {
        Path copy = elsewhere.resolve("registry-${UUID.randomUUID()}.db")
        Files.copy(dataDir.resolve('registry.db'), copy)
        DriverManager.getConnection("jdbc:sqlite:${copy}").withCloseable { connection ->
            connection.prepareStatement(sql).withCloseable { select ->
                select.setString(1, id.toString())
                select.executeQuery().withCloseable { rows ->
                    List<byte[]> found = []
                    while (rows.next()) {
                        found << rows.getBytes(1)
                    }
                    found
                }
            }
        }
    }
}
