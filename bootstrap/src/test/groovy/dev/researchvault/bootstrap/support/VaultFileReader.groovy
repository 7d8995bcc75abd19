package dev.researchvault.bootstrap.support

import dev.researchvault.adapter.persistence.crypto.BouncyCastleVaultKeys
import dev.researchvault.adapter.persistence.crypto.KdfConfiguration
import dev.researchvault.adapter.persistence.vault.files.FileKeys
import dev.researchvault.adapter.persistence.vault.VaultFile
import dev.researchvault.domain.account.KdfAlgorithm
import dev.researchvault.domain.account.KdfParameters
import dev.researchvault.domain.account.Password
import dev.researchvault.domain.vault.MasterKey
import org.sqlite.SQLiteConfig
import org.sqlite.mc.SQLiteMCSqlCipherConfig

import java.nio.file.Path

/**
 * Reads a user's vault from outside the server, as docs/file-format.md tells a user to: KDF parameters
 * from registry.db, Argon2id, HKDF, then SQLCipher 4 with the raw key.
 */
class VaultFileReader {

    final Path dataDir

    VaultFileReader(Path dataDir) {
        this.dataDir = dataDir
    }

    /** The raw key of {@code file}, derived from the password and the registry's parameters. */
    byte[] fileKey(String username, String password, VaultFile file) {
        FileKeys.derive(masterKey(username, password), file)
    }

    MasterKey masterKey(String username, String password) {
        Map row = registryRow(username)
        def parameters = new KdfParameters(KdfAlgorithm.valueOf(row.kdf_algorithm as String), row.kdf_memory_kib as int,
                row.kdf_iterations as int, row.kdf_parallelism as int, row.kdf_salt as byte[])
        Password.offered(password).withCloseable { new BouncyCastleVaultKeys(new KdfConfiguration()).derive(it, parameters) }
    }

    /** A value of {@code vault_meta}, or null when the password does not open the vault. */
    String meta(String username, String password, String name) {
        Path file = dataDir.resolve('users').resolve(registryRow(username).id as String).resolve('vault.db')
        try {
            def connection = SQLiteMCSqlCipherConfig.getV4Defaults().withRawUnsaltedKey(fileKey(username, password, VaultFile.VAULT))
                    .build().createConnection("jdbc:sqlite:${file}")
            try {
                def statement = connection.prepareStatement('SELECT value FROM vault_meta WHERE name = ?')
                statement.setString(1, name)
                def result = statement.executeQuery()
                result.next() ? result.getString(1) : null
            } finally {
                connection.close()
            }
        } catch (java.sql.SQLException wrongKey) {
            null
        }
    }

    Map registryRow(String username) {
        def connection = new SQLiteConfig().createConnection("jdbc:sqlite:${dataDir.resolve('registry.db')}")
        try {
            def statement = connection.prepareStatement('SELECT * FROM account WHERE username_canonical = ?')
            statement.setString(1, username.toLowerCase(Locale.ROOT))
            def result = statement.executeQuery()
            if (!result.next()) {
                return null
            }
            def meta = result.metaData
            (1..meta.columnCount).collectEntries { [(meta.getColumnName(it)): result.getObject(it)] }
        } finally {
            connection.close()
        }
    }
}
