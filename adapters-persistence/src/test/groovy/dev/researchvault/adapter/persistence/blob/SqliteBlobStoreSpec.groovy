package dev.researchvault.adapter.persistence.blob

import dev.researchvault.adapter.persistence.support.PersistenceFixture
import dev.researchvault.adapter.persistence.vault.VaultFile
import dev.researchvault.application.blob.BlobStoreContractSpec
import dev.researchvault.application.blob.ScopedBlobStore
import dev.researchvault.domain.blob.BlobKey
import dev.researchvault.domain.blob.BlobStore
import spock.lang.AutoCleanup
import spock.lang.Shared

import java.sql.Connection

import static dev.researchvault.adapter.persistence.support.EncryptedFiles.open

/** The blob store contract on the real adapter: a Micronaut bean over an encrypted blobs.db. */
class SqliteBlobStoreSpec extends BlobStoreContractSpec {

    @Shared
    @AutoCleanup
    PersistenceFixture fixture = PersistenceFixture.start()

    PersistenceFixture.UserVault vault

    @Override
    BlobStore newStore() {
        vault = fixture.newVault()
        scopedTo(vault)
    }

    BlobStore scopedTo(PersistenceFixture.UserVault owner) {
        new ScopedBlobStore(fixture.bean(BlobStore), { Closure work -> fixture.inVault(owner, work) })
    }

    def "another user's vault holds none of this user's blobs"() {
        given:
        store.save(BlobKey.file(messageA, 0), 'text/plain', 'mine'.bytes)
        def other = scopedTo(fixture.newVault())

        expect:
        !other.exists(BlobKey.file(messageA, 0))
        other.deleteByPrefix(BlobKey.prefixOf(messageA)) == 0
        store.exists(BlobKey.file(messageA, 0))
    }

    def "keys holding %, _ and \\ are matched literally by prefix deletion"() {
        given: 'rows written directly, since a BlobKey never contains these characters'
        def keys = ['a%b/0', 'a_b/0', 'a\\b/0', 'axb/0', 'aXb/0', 'A%b/0']
        insertRaw(keys)

        expect:
        store.deleteByPrefix('a%') == 1
        store.deleteByPrefix('a_') == 1
        store.deleteByPrefix('a\\') == 1
        store.deleteByPrefix('ax') == 1
        remainingRawKeys() == ['A%b/0', 'aXb/0']
    }

    def "prefix ranges stay exact around characters beyond the Basic Multilingual Plane"() {
        given:
        insertRaw(['p\uFFFF/0', 'p\uD83D\uDE00/0', 'p\uDBFF\uDFFF/0', 'p\uDBFF\uDFFFz/0', 'q/0'])

        expect:
        store.deleteByPrefix('p\uDBFF\uDFFF') == 2
        store.deleteByPrefix('p\uFFFF') == 1
        store.deleteByPrefix('p') == 1
        remainingRawKeys() == ['q/0']
    }

    def "keys that do not start with a canonical owner id are never listed as owners"() {
        given: 'rows written directly, since a BlobKey never has these forms'
        saveFiles(messageA, 1, false)
        saveFiles(messageB, 1, true)
        insertRaw(['0/0', 'a%b/0', messageA.toString().toUpperCase() + '/0', messageA.toString() + 'x/0',
                   messageB.toString(), 'a0a0a0a0-0000-4000-8000-00000000000a-/0', 'zzz'])

        expect:
        store.owners(Optional.empty(), 10) == [messageA, messageB]
        store.owners(Optional.empty(), 1) == [messageA]
        store.owners(Optional.of(messageA), 10) == [messageB]
    }

    def "many more prefixes than fit in one statement are all deleted"() {
        given:
        def messages = (1..PrefixDeletion.PREFIXES_PER_STATEMENT * 2 + 1).collect { UUID.randomUUID() }
        scopedRaw { Connection connection ->
            connection.autoCommit = false
            messages.each { insertRow(connection, BlobKey.file(it, 0).value()) }
            connection.commit()
        }
        saveFiles(messageA, 1, false)

        expect:
        store.deleteByPrefixes(messages.collect { BlobKey.prefixOf(it) }) == messages.size()
        remainingRawKeys() == [BlobKey.file(messageA, 0).value()]
    }

    def "a row carried over from schema V1 without a digest gets one on first read"() {
        given:
        insertRaw(['legacy/0'])
        def key = BlobKey.file(messageA, 0)
        scopedRaw { Connection connection -> connection.createStatement().execute("UPDATE blob SET key = '${key.value()}'") }

        when:
        def info = store.info(key).orElseThrow()

        then:
        info.digest().sha256Hex() == java.security.MessageDigest.getInstance('SHA-256').digest('raw'.bytes).encodeHex().toString()
        scopedRaw { Connection connection ->
            connection.createStatement().executeQuery('SELECT sha256 FROM blob').with { next(); getString(1) }
        } == info.digest().sha256Hex()
        store.get(key).orElseThrow().info() == info
    }

    private void insertRaw(List<String> keys) {
        scopedRaw { Connection connection -> keys.each { insertRow(connection, it) } }
    }

    private static void insertRow(Connection connection, String key) {
        connection.prepareStatement("INSERT INTO blob (key, mime, size, sha256, created_at, data) VALUES (?, 'x/y', 3, NULL, 'now', ?)").with {
            setString(1, key)
            setBytes(2, 'raw'.bytes)
            executeUpdate()
            close()
        }
    }

    private List<String> remainingRawKeys() {
        scopedRaw { Connection connection ->
            def rows = connection.createStatement().executeQuery('SELECT key FROM blob ORDER BY key')
            def keys = []
            while (rows.next()) {
                keys << rows.getString(1)
            }
            keys
        } as List<String>
    }

    private <T> T scopedRaw(Closure<T> work) {
        fixture.inVault(vault) {
            Connection connection = dev.researchvault.adapter.persistence.vault.CurrentVault.connection(VaultFile.BLOBS)
            try {
                work(connection)
            } finally {
                connection.close()
            }
        }
    }
}
