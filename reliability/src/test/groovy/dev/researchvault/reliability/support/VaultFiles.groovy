package dev.researchvault.reliability.support

import org.bouncycastle.crypto.digests.SHA256Digest
import org.bouncycastle.crypto.digests.SHA512Digest
import org.bouncycastle.crypto.generators.Argon2BytesGenerator
import org.bouncycastle.crypto.generators.HKDFBytesGenerator
import org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator
import org.bouncycastle.crypto.params.Argon2Parameters
import org.bouncycastle.crypto.params.HKDFParameters
import org.bouncycastle.crypto.params.KeyParameter
import org.sqlite.SQLiteConfig
import org.sqlite.mc.SQLiteMCSqlCipherConfig

import java.nio.charset.StandardCharsets
import java.nio.file.Path
import java.sql.Connection

/**
 * Opens users' files from outside the server with nothing but docs/file-format.md: KDF parameters from
 * registry.db, Argon2id (or PBKDF2), HKDF-SHA256 with an empty salt and the file's label, SQLCipher 4
 * with the raw key. Written independently of the server's classes so it checks the documented format.
 */
class VaultFiles {

    static final Map<String, String> LABELS = ['vault.db': 'research-vault/v1/vault.db', 'blobs.db': 'research-vault/v1/blobs.db']

    final Path dataDir
    /** Hex of every key this reader derived: the specs check that no log contains one. */
    final Set<String> derivedKeys = Collections.synchronizedSet(new HashSet<String>())

    VaultFiles(Path dataDir) {
        this.dataDir = dataDir
    }

    Path userDir(String username) {
        dataDir.resolve('users').resolve(registryRow(username).id as String)
    }

    /** {@code PRAGMA integrity_check} of one file of the user: ["ok"] when sound. */
    List<String> integrityCheck(String username, String password, String fileName) {
        withFile(username, password, fileName) { Connection connection -> integrity(connection) }
    }

    /** Row count of {@code table} in one file of the user. */
    long count(String username, String password, String fileName, String table) {
        withFile(username, password, fileName) { Connection connection -> rows(connection, table) }
    }

    /** {@code PRAGMA integrity_check} of a copy (a backup's vault.db), keyed like the user's vault.db. */
    List<String> integrityCheckAt(Path file, String username, String password) {
        withFileAt(file, fileKey(username, password, 'vault.db')) { Connection connection -> integrity(connection) }
    }

    /**
     * Runs {@code work} on a file of a downloaded backup (read-only), keyed with nothing but the password and the
     * KDF row the archive's backup.json gives ({@code algorithm, memoryKib, iterations, parallelism, salt}).
     */
    def <T> T withDownloadedFile(Path file, Map kdf, String password, Closure<T> work) {
        Map row = [kdf_algorithm  : kdf.algorithm, kdf_memory_kib: kdf.memoryKib, kdf_iterations: kdf.iterations,
                   kdf_parallelism: kdf.parallelism, kdf_salt: Base64.decoder.decode(kdf.salt as String)]
        withFileAt(file, fileKeyFrom(row, password, file.fileName.toString()), true, work)
    }

    /** Row count of {@code table} in a copy keyed like the user's vault.db. */
    long countAt(Path file, String username, String password, String table) {
        withFileAt(file, fileKey(username, password, 'vault.db')) { Connection connection -> rows(connection, table) }
    }

    /**
     * Like {@link #integrityCheck}, but registry.db and the file are opened read-only, so it is safe while the
     * server has them open: a read-only connection never checkpoints a WAL into the file (LIFECYCLE.md,
     * "Checkpoint on close"). The user's directory is the one the registry names now.
     */
    List<String> integrityCheckReadOnly(String username, String password, String fileName) {
        Map row = registryRowReadOnly(username)
        assert row != null: "registry.db has no account ${username}"
        Path file = dataDir.resolve('users').resolve(row.id as String).resolve(fileName)
        withFileAt(file, fileKeyFrom(row, password, fileName), true) { Connection connection -> integrity(connection) }
    }

    /** The user's row of registry.db, read through a read-only connection (null when there is none). */
    Map registryRowReadOnly(String username) {
        registryQuery(true, 'SELECT * FROM account WHERE username_canonical = ?', username.toLowerCase(Locale.ROOT)).find()
    }

    private byte[] fileKeyFrom(Map row, String password, String fileName) {
        def hkdf = new HKDFBytesGenerator(new SHA256Digest())
        hkdf.init(new HKDFParameters(masterKeyFrom(row, password), null, LABELS[fileName].getBytes(StandardCharsets.US_ASCII)))
        byte[] key = new byte[32]
        hkdf.generateBytes(key, 0, 32)
        derivedKeys << key.encodeHex().toString()
        key
    }

    private static List<String> integrity(Connection connection) {
        def answer = []
        connection.createStatement().executeQuery('PRAGMA integrity_check').with { while (it.next()) { answer << it.getString(1) } }
        answer
    }

    private static long rows(Connection connection, String table) {
        assert table ==~ /[a-z_]+/
        def result = connection.createStatement().executeQuery("SELECT count(*) FROM ${table}")
        result.next()
        result.getLong(1)
    }

    def <T> T withFile(String username, String password, String fileName, Closure<T> work) {
        withFileAt(userDir(username).resolve(fileName), fileKey(username, password, fileName), work)
    }

    private static <T> T withFileAt(Path file, byte[] key, Closure<T> work) {
        withFileAt(file, key, false, work)
    }

    private static <T> T withFileAt(Path file, byte[] key, boolean readOnly, Closure<T> work) {
        assert file.toFile().isFile(): "${file.fileName} is missing"
        def cipher = SQLiteMCSqlCipherConfig.getV4Defaults().withRawUnsaltedKey(key)
        if (file.fileName.toString() == 'blobs.db') {
            cipher.setLegacyPageSize(16384) // docs/file-format.md: blobs.db has cipher_page_size 16384
        }
        def config = cipher.build()
        if (readOnly) {
            config.setReadOnly(true)
        }
        Connection connection = config.createConnection("jdbc:sqlite:${file}")
        try {
            work(connection)
        } finally {
            connection.close()
        }
    }

    byte[] fileKey(String username, String password, String fileName) {
        def hkdf = new HKDFBytesGenerator(new SHA256Digest())
        hkdf.init(new HKDFParameters(masterKey(username, password), null, LABELS[fileName].getBytes(StandardCharsets.US_ASCII)))
        byte[] key = new byte[32]
        hkdf.generateBytes(key, 0, 32)
        derivedKeys << key.encodeHex().toString()
        key
    }

    byte[] masterKey(String username, String password) {
        masterKeyFrom(registryRow(username), password)
    }

    private byte[] masterKeyFrom(Map row, String password) {
        byte[] secret = password.getBytes(StandardCharsets.UTF_8)
        byte[] key = new byte[32]
        if (row.kdf_algorithm == 'ARGON2ID') {
            def generator = new Argon2BytesGenerator()
            generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id).withVersion(Argon2Parameters.ARGON2_VERSION_13)
                    .withMemoryAsKB(row.kdf_memory_kib as int).withIterations(row.kdf_iterations as int)
                    .withParallelism(row.kdf_parallelism as int).withSalt(row.kdf_salt as byte[]).build())
            generator.generateBytes(secret, key)
        } else {
            def generator = new PKCS5S2ParametersGenerator(new SHA512Digest())
            generator.init(secret, row.kdf_salt as byte[], row.kdf_iterations as int)
            System.arraycopy(((KeyParameter) generator.generateDerivedParameters(512)).key, 0, key, 0, 32)
        }
        derivedKeys << key.encodeHex().toString()
        key
    }

    Map registryRow(String username) {
        registryQuery('SELECT * FROM account WHERE username_canonical = ?', username.toLowerCase(Locale.ROOT)).find()
    }

    long accountCount() {
        registryQuery('SELECT count(*) AS n FROM account').first().n as long
    }

    private List<Map> registryQuery(String sql, Object... arguments) {
        registryQuery(false, sql, arguments)
    }

    private List<Map> registryQuery(boolean readOnly, String sql, Object... arguments) {
        def config = new SQLiteConfig()
        if (readOnly) {
            config.setReadOnly(true)
        }
        def connection = config.createConnection("jdbc:sqlite:${dataDir.resolve('registry.db')}")
        try {
            def statement = connection.prepareStatement(sql)
            arguments.eachWithIndex { value, i -> statement.setObject(i + 1, value) }
            def result = statement.executeQuery()
            def meta = result.metaData
            def rows = []
            while (result.next()) {
                rows << (1..meta.columnCount).collectEntries { [(meta.getColumnName(it)): result.getObject(it)] }
            }
            rows
        } finally {
            connection.close()
        }
    }
}
