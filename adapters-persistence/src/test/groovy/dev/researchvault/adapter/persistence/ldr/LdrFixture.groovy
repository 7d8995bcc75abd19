package dev.researchvault.adapter.persistence.ldr

import javax.crypto.Cipher
import javax.crypto.SecretKeyFactory
import javax.crypto.spec.IvParameterSpec
import javax.crypto.spec.PBEKeySpec
import javax.crypto.spec.SecretKeySpec
import java.nio.file.Files
import java.nio.file.Path
import java.sql.Connection
import java.sql.DriverManager
import java.sql.Statement
import java.security.SecureRandom

/**
 * Builds Local Deep Research databases the way LDR does (database/sqlcipher_utils.py, docs/ldr-import.md), on a
 * path of its own, independently of the reader under test: the key comes from the JDK's PBKDF2 (the reader uses
 * Bouncy Castle), and the cipher is configured with PRAGMA statements on a plain connection, in LDR's order
 * (cipher defaults, then {@code PRAGMA key = "x'…'"}), where the reader uses the driver's configuration object.
 * The schema is LDR's, copied into {@code ldr/schema.sql} with the source commits.
 */
class LdrFixture {

    static final String PASSWORD = 'ldr pässword ✓'
    static final byte[] LEGACY_SALT = 'no salt'.getBytes('US-ASCII')
    static final int PAGE_SIZE = 16384
    static final String R1 = '11111111-1111-4111-8111-111111111111'
    static final String R2 = '22222222-2222-4222-8222-222222222222'
    static final String R3 = '33333333-3333-4333-8333-333333333333'
    static final String R4 = '44444444-4444-4444-8444-444444444444'
    static final String REPORT = '# SQLCipher\n\nSQLCipher encrypts whole pages.\n'
    static final String OPENAI_KEY = 'sk-ldr-0123456789abcdef'
    static final String SERPAPI_KEY = 'serp-0123456789abcdef'

    /** A random 32-byte salt, as LDR writes to the {@code .salt} file of a new database. */
    static byte[] newSalt() {
        byte[] salt = new byte[32]
        new SecureRandom().nextBytes(salt)
        salt
    }

    /** LDR's key: PBKDF2-HMAC-SHA512 over the UTF-8 password, 256,000 iterations, 64 bytes (the JDK's PBKDF2). */
    static String passphrase(String password, byte[] salt) {
        def spec = new PBEKeySpec(password.toCharArray(), salt, 256_000, 512)
        byte[] key = SecretKeyFactory.getInstance('PBKDF2WithHmacSHA512').generateSecret(spec).encoded
        "x'${HexFormat.of().formatHex(key)}'"
    }

    /** Creates an LDR database at {@code file} with LDR's schema and the rows {@code fill} inserts; answers its bytes. */
    static byte[] create(Path file, String password, byte[] salt, Closure fill = { Connection c -> standardRows(c) }) {
        Connection connection = DriverManager.getConnection("jdbc:sqlite:${file}")
        try {
            Statement statement = connection.createStatement()
            // apply_cipher_defaults_before_key: SQLCipher 4 defaults, 16 KiB pages; then set_sqlcipher_key.
            statement.execute("PRAGMA cipher = 'sqlcipher'")
            statement.execute('PRAGMA legacy = 4')
            statement.execute("PRAGMA legacy_page_size = ${PAGE_SIZE}")
            statement.execute("PRAGMA key = \"${passphrase(password, salt)}\"")
            statement.execute('PRAGMA journal_mode = WAL')
            statements().each { statement.execute(it) }
            fill(connection)
        } finally {
            connection.close()
        }
        Files.readAllBytes(file)
    }

    /**
     * Page 1 decrypted by hand, as SQLCipher 4 lays it out: salt in bytes 0–15, AES-256-CBC over bytes
     * 16..(page − 80) with the IV in the 16 bytes after them and an HMAC-SHA512 in the last 64; the page key is
     * PBKDF2-HMAC-SHA512(passphrase, salt, 256,000, 32 bytes). Answers bytes 16.. of the plain page (SQLite's
     * header from its page-size field on).
     */
    static byte[] decryptedHeader(byte[] database, String passphrase) {
        byte[] salt = Arrays.copyOfRange(database, 0, 16)
        def spec = new PBEKeySpec(passphrase.toCharArray(), salt, 256_000, 256)
        byte[] key = SecretKeyFactory.getInstance('PBKDF2WithHmacSHA512').generateSecret(spec).encoded
        int reserve = 80
        byte[] iv = Arrays.copyOfRange(database, PAGE_SIZE - reserve, PAGE_SIZE - reserve + 16)
        Cipher aes = Cipher.getInstance('AES/CBC/NoPadding')
        aes.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, 'AES'), new IvParameterSpec(iv))
        aes.doFinal(database, 16, PAGE_SIZE - reserve - 16)
    }

    /**
     * What the specs import: four research (completed with a report, failed, still running, one without a query),
     * resources and log lines of them and of nothing, changed and unchanged settings, API keys as settings and in
     * the api_keys table.
     */
    static void standardRows(Connection c) {
        research(c, [id: R1, query: 'What is SQLCipher?', mode: 'quick', status: 'completed',
                     created_at: '2025-05-01T10:00:00.123456+00:00', completed_at: '2025-05-01T10:05:00.000000+00:00',
                     title: 'SQLCipher', progress: 100, research_meta: '{"strategy": "source-based", "iterations": 2}',
                     report_content: REPORT])
        research(c, [id: R2, query: 'Why did this fail?', mode: 'detailed', status: 'error',
                     created_at: '2025-05-02T09:00:00.5', progress: 40])
        research(c, [id: R3, query: 'Still running', mode: 'quick', status: 'in_progress',
                     created_at: '2025-05-03 08:00:00', progress: 10])
        research(c, [id: R4, query: '', mode: 'quick', status: 'completed', created_at: '2025-05-04T08:00:00'])
        resource(c, [research_id: R1, title: 'SQLCipher docs', url: 'https://www.zetetic.net/sqlcipher/',
                     content_preview: 'Full database encryption', source_type: 'web', created_at: '2025-05-01T10:01:00'])
        resource(c, [research_id: R1, title: 'No URL', url: '', created_at: '2025-05-01T10:01:00'])
        resource(c, [research_id: R2, title: 'A paper', url: 'https://arxiv.org/abs/1234.5678',
                     created_at: 'not a time'])
        resource(c, [research_id: R4, title: 'Of a skipped research', url: 'https://example.org/',
                     created_at: '2025-05-04T08:00:00'])
        log(c, R1, '2025-05-01 10:00:01.000000', 'INFO', 'Research started')
        log(c, R1, '2025-05-01 10:02:00.000000', 'MILESTONE', 'Searching')
        log(c, R1, '2025-05-01 10:04:00.000000', 'WARNING', 'A source timed out')
        log(c, null, '2025-05-01 10:04:30.000000', 'INFO', 'Application line, no research')
        log(c, R4, '2025-05-04 08:00:01.000000', 'INFO', 'Of a skipped research')
        setting(c, 'llm.provider', '"openai"')
        setting(c, 'llm.temperature', '0.7')
        setting(c, 'search.iterations', '5')
        setting(c, 'app.theme', '"dracula"')
        setting(c, 'app.debug', 'false')
        setting(c, 'llm.openai.api_key', "\"${OPENAI_KEY}\"")
        setting(c, 'search.engine.web.brave.api_key', '""')
        setting(c, 'llm.anthropic.api_key', '"short"')
        insert(c, 'api_keys', [provider: 'serpapi', key: SERPAPI_KEY, description: 'SerpAPI', is_active: 1])
    }

    /**
     * Turns the database into an older shape, to prove the reader copes with what earlier LDR versions lack: the
     * research history before report_content, research_meta and title were added, no resources or API-key table,
     * and settings of key and value only. Not one release's schema: a reduction of schema.sql.
     */
    static void olderShape(Connection c) {
        Statement statement = c.createStatement()
        ['report_content', 'research_meta', 'title', 'progress_log', 'chat_session_id', 'step_count'].each {
            statement.execute("ALTER TABLE research_history DROP COLUMN ${it}")
        }
        statement.execute('DROP TABLE research_resources')
        statement.execute('DROP TABLE api_keys')
        ['type', 'name', 'description', 'category', 'ui_element', 'options', 'min_value', 'max_value', 'step', 'visible',
         'editable', 'env_var', 'created_at', 'updated_at'].each {
            statement.execute("ALTER TABLE settings DROP COLUMN ${it}")
        }
    }

    static void research(Connection c, Map row) {
        insert(c, 'research_history', row)
    }

    static void resource(Connection c, Map row) {
        insert(c, 'research_resources', row)
    }

    static void log(Connection c, String researchId, String timestamp, String level, String message) {
        insert(c, 'app_logs', [research_id: researchId, timestamp: timestamp, level: level, message: message,
                               module: 'search_system', function: 'run', line_no: 1])
    }

    /** A settings row as LDR writes it: the value as JSON text. */
    static void setting(Connection c, String key, String jsonValue) {
        Set<String> columns = columnsOf(c, 'settings')
        Map row = [key: key, value: jsonValue, type: 'APP', name: key, ui_element: 'text', visible: 1, editable: 1]
        insert(c, 'settings', row.findAll { columns.contains(it.key) })
    }

    static void insert(Connection c, String table, Map row) {
        String sql = "INSERT INTO ${table} (${row.keySet().join(', ')}) VALUES (${row.keySet().collect { '?' }.join(', ')})"
        c.prepareStatement(sql).withCloseable { statement ->
            row.values().eachWithIndex { value, i -> statement.setObject(i + 1, value) }
            statement.executeUpdate()
        }
    }

    private static Set<String> columnsOf(Connection c, String table) {
        Set<String> columns = [] as Set
        c.createStatement().executeQuery("PRAGMA table_info(${table})").withCloseable { rows ->
            while (rows.next()) {
                columns << rows.getString('name')
            }
        }
        columns
    }

    private static List<String> statements() {
        String text = LdrFixture.getResourceAsStream('/ldr/schema.sql').getText('UTF-8')
        text.readLines().findAll { !it.startsWith('--') }.join('\n').split(/\n\s*\n/)*.trim().findAll { it }
    }
}
