package dev.researchvault.adapter.persistence.account

import dev.researchvault.application.account.AccountRegistryContractSpec
import dev.researchvault.domain.account.AccountRegistry
import dev.researchvault.adapter.persistence.vault.jdbc.StorageFaults
import dev.researchvault.application.support.SmallDisk
import dev.researchvault.domain.UnavailableException
import dev.researchvault.domain.account.Username
import spock.lang.Requires
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path
import java.sql.DriverManager
import java.time.Duration
import java.time.Instant

class SqliteAccountRegistrySpec extends AccountRegistryContractSpec {

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

    def "a connection opened while registry.db was read-only is replaced once it is writable: no 503 until a restart"() {
        given: 'a registry opened while its file could not be written (SQLite then opens it read-only)'
        def kim = account('kim')
        registry.add(kim)
        faults.readOnlyOpens = true
        def reopened = newRegistry()

        when:
        reopened.add(account('lee'))

        then: 'writes are refused clearly, logins and reads go on (the read leaves a read-only connection in the pool)'
        thrown(UnavailableException)
        reopened.recordLogin(kim.id(), Instant.parse('2026-02-03T04:05:06Z'))
        reopened.findByUsername(kim.username()).isPresent()

        when: 'the file is writable again: the very next write works'
        faults.readOnlyOpens = false
        reopened.add(account('lee'))
        reopened.recordLogin(kim.id(), Instant.parse('2026-02-03T04:05:07Z'))

        then:
        reopened.findByUsername(new Username('lee')).isPresent()
        reopened.findByUsername(kim.username()).get().lastLoginAt() == Instant.parse('2026-02-03T04:05:07Z')
    }

    def "a registry that cannot be opened yet (no room for its -shm on a full disk) is still built, and works once it can"() {
        given:
        def olga = account('olga')
        registry.add(olga)
        faults.unopenable = true

        when:
        def reopened = newRegistry()

        then:
        noExceptionThrown()

        when:
        reopened.findByUsername(olga.username())

        then:
        def refused = thrown(UnavailableException)
        refused.code() == 'registry.unavailable'

        when:
        faults.unopenable = false
        reopened.add(account('pia'))

        then:
        reopened.findByUsername(olga.username()).isPresent()
        reopened.findByUsername(new Username('pia')).isPresent()
    }

    @Requires({ SmallDisk.AVAILABLE })
    def "the same with a real file: registry.db immutable (chattr +i) while the registry opens, then writable again"() {
        given:
        def mia = account('mia')
        registry.add(mia)
        Path file = dataDir.resolve('registry.db')
        SmallDisk.immutable(file, true)
        def reopened = newRegistry()

        when:
        reopened.add(account('ned'))

        then:
        thrown(UnavailableException)
        reopened.findByUsername(mia.username()).isPresent()

        when:
        SmallDisk.immutable(file, false)
        reopened.add(account('ned'))

        then:
        reopened.findByUsername(new Username('ned')).isPresent()

        cleanup:
        SmallDisk.immutable(file, false)
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
