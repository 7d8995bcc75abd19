package dev.researchvault.adapter.persistence.blob

import dev.researchvault.adapter.persistence.support.PersistenceFixture
import dev.researchvault.adapter.persistence.vault.VaultFile
import dev.researchvault.domain.blob.BlobKey
import dev.researchvault.domain.blob.BlobStore
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification

import java.nio.charset.StandardCharsets
import java.nio.file.Files
import java.nio.file.Path

/** What a stored file looks like on disk: nothing of it is readable without the key. */
class BlobsAtRestSpec extends Specification {

    static final String SECRET = 'Zebra-Quartz-7731: the minutes of a meeting nobody should read'

    @Shared
    @AutoCleanup
    PersistenceFixture fixture = PersistenceFixture.start()

    def "neither blobs.db nor its WAL holds the plaintext of a stored text file, open or closed"() {
        given:
        def vault = fixture.newVault()
        def key = BlobKey.file(UUID.randomUUID(), 0)
        byte[] text = (SECRET + '\n').repeat(200).getBytes(StandardCharsets.UTF_8)
        Path userDir = fixture.vaults.layout().userDir(vault.user)

        when: 'the file is stored and the vault is still open (its pages are in the WAL)'
        fixture.inVault(vault) { fixture.bean(BlobStore).save(key, 'text/plain', text) }

        then: 'the WAL does hold the new pages, so searching it means something'
        Files.size(walOf(userDir)) > text.length
        filesOf(userDir).every { !contains(it, SECRET) }

        when: 'the vault is closed, which folds the WAL into blobs.db'
        fixture.vaults.close(vault.user)

        then:
        filesOf(userDir).every { !contains(it, SECRET) }

        and: 'the text is there for the key holder'
        fixture.inVault(vault) { fixture.bean(BlobStore).get(key).orElseThrow().data() } == text
    }

    def "the search would find the text were it stored in the clear"() {
        given:
        Path plain = Files.createTempFile('rv-plain-', '.bin')
        Files.write(plain, ('\u0000\u0001' + SECRET + '\u0003').getBytes(StandardCharsets.UTF_8))

        expect:
        contains(plain, SECRET)

        cleanup:
        Files.deleteIfExists(plain)
    }

    private static List<Path> filesOf(Path userDir) {
        def blobsDb = userDir.resolve(VaultFile.BLOBS.fileName())
        [blobsDb, Path.of(blobsDb.toString() + '-wal'), Path.of(blobsDb.toString() + '-shm')].findAll { Files.exists(it) }
    }

    private static Path walOf(Path userDir) {
        Path.of(userDir.resolve(VaultFile.BLOBS.fileName()).toString() + '-wal')
    }

    /** Whether the raw bytes of {@code file} contain {@code text} in UTF-8. */
    static boolean contains(Path file, String text) {
        // ISO-8859-1 maps every byte to one char, so a byte search becomes a string search.
        String haystack = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)
        haystack.contains(new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1))
    }
}
