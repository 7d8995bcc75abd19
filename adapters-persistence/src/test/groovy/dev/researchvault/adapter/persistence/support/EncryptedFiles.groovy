package dev.researchvault.adapter.persistence.support

import dev.researchvault.adapter.persistence.vault.files.FileKeys
import dev.researchvault.adapter.persistence.vault.VaultFile
import dev.researchvault.domain.account.KdfAlgorithm
import dev.researchvault.domain.account.KdfParameters
import dev.researchvault.domain.vault.MasterKey
import org.sqlite.mc.SQLiteMCSqlCipherConfig

import java.nio.file.Files
import java.nio.file.Path
import java.security.MessageDigest
import java.security.SecureRandom
import java.sql.Connection

/** Opens vault files the way an outside tool would: stock SQLCipher 4 settings and the raw file key. */
class EncryptedFiles {

    /** The KDF row tests record beside a vault (its values never derive anything in these specs). */
    static final KdfParameters TEST_KDF = new KdfParameters(KdfAlgorithm.ARGON2ID, 1024, 1, 1, new byte[32])

    static final byte[] SQLITE_HEADER = 'SQLite format 3\u0000'.getBytes('US-ASCII')

    static MasterKey randomKey() {
        byte[] bytes = new byte[32]
        new SecureRandom().nextBytes(bytes)
        new MasterKey(bytes)
    }

    /**
     * A connection with SQLCipher 4 defaults, {@code rawKey} and the given page size (what {@code PRAGMA
     * cipher_page_size} sets); nothing of ours in between.
     */
    static Connection openRaw(Path file, byte[] rawKey, int pageSize = 4096) {
        def cipher = SQLiteMCSqlCipherConfig.getV4Defaults().withRawUnsaltedKey(rawKey)
        if (pageSize != 4096) {
            cipher.setLegacyPageSize(pageSize)
        }
        cipher.build().createConnection("jdbc:sqlite:${file}")
    }

    static Connection open(Path file, MasterKey key, VaultFile which) {
        openRaw(file, FileKeys.derive(key, which), which.pageSizes().first())
    }

    /** Whether {@code key} opens the file and its schema can be read. */
    static boolean opens(Path file, MasterKey key, VaultFile which) {
        try {
            def connection = open(file, key, which)
            try {
                connection.createStatement().withCloseable { it.executeQuery('SELECT count(*) FROM sqlite_master').next() }
            } finally {
                connection.close()
            }
        } catch (java.sql.SQLException ignored) {
            false
        }
    }

    static boolean startsWithPlainHeader(Path file) {
        byte[] head = new byte[16]
        Files.newInputStream(file).withCloseable { it.read(head) }
        head == SQLITE_HEADER
    }

    /** SHA-256 of every file in {@code dir}, by name: a cheap "nothing changed" witness. */
    static Map<String, String> fingerprint(Path dir) {
        Files.list(dir).withCloseable { stream ->
            stream.sorted().toList().collectEntries { file ->
                [(file.fileName.toString()): MessageDigest.getInstance('SHA-256').digest(Files.readAllBytes(file)).encodeHex().toString()]
            }
        }
    }
}
