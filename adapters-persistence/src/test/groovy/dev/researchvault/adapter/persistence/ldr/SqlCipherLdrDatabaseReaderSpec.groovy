package dev.researchvault.adapter.persistence.ldr

import dev.researchvault.adapter.persistence.sql.JsonColumns
import dev.researchvault.domain.RuleViolationException
import dev.researchvault.domain.ldr.LdrApiKey
import dev.researchvault.domain.ldr.LdrDatabase
import dev.researchvault.domain.ldr.LdrLogLine
import dev.researchvault.domain.ldr.LdrResearch
import dev.researchvault.domain.ldr.LdrResource
import dev.researchvault.domain.ldr.LdrSetting
import io.micronaut.json.JsonMapper
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification

import java.nio.file.Files
import java.nio.file.Path

class SqlCipherLdrDatabaseReaderSpec extends Specification {

    static final String PASSWORD = LdrFixture.PASSWORD

    @Shared
    @AutoCleanup('delete')
    LdrFixtureFiles files = new LdrFixtureFiles()

    SqlCipherLdrDatabaseReader reader = new SqlCipherLdrDatabaseReader(new JsonColumns(JsonMapper.createDefault()))

    def "the fixture is a SQLCipher 4 file of 16 KiB pages keyed by LDR's recipe, decrypted here by hand"() {
        when:
        byte[] header = LdrFixture.decryptedHeader(files.current, LdrFixture.passphrase(PASSWORD, files.salt))

        then: 'page size 16384, WAL (2, 2), 80 reserved bytes (IV + HMAC-SHA512), SQLite payload fractions 64/32/32'
        (header[0..7] as List) == [0x40, 0x00, 2, 2, 80, 64, 32, 32].collect { it as byte }
    }

    def "a database of the current format opens with its salt file and reads every table"() {
        when:
        Contents read = readAll(files.current, files.salt)
        List<LdrResearch> research = read.research
        List<LdrResource> resources = read.resources
        List<LdrLogLine> logs = read.logs
        def settings = read.settings.collectEntries { [it.key(), it.value()] }
        def keys = read.keys

        then:
        research*.id() == [LdrFixture.R1, LdrFixture.R2, LdrFixture.R3, LdrFixture.R4]
        with(research[0]) {
            query() == 'What is SQLCipher?'
            status() == 'completed'
            createdAt() == '2025-05-01T10:00:00.123456+00:00'
            progress() == 100
            metadata() == [strategy: 'source-based', iterations: 2]
            report() == LdrFixture.REPORT
        }
        research[1].report() == null
        research[1].metadata() == [:]
        resources*.url() == ['https://www.zetetic.net/sqlcipher/', '', 'https://arxiv.org/abs/1234.5678', 'https://example.org/']
        logs*.message() == ['Research started', 'Searching', 'A source timed out', 'Of a skipped research']
        settings['llm.provider'] == 'openai'
        settings['llm.temperature'] == 0.7d
        settings['search.iterations'] == 5L
        settings['app.debug'] == false
        settings['llm.openai.api_key'] == LdrFixture.OPENAI_KEY
        keys*.provider() == ['serpapi']
        keys[0].key() == LdrFixture.SERPAPI_KEY
        keys[0].active()
        !keys[0].toString().contains(LdrFixture.SERPAPI_KEY)
    }

    def "a database of the legacy format (no salt file) opens with LDR's shared salt"() {
        expect:
        readAll(files.legacy, null).research.size() == 4
    }

    def "a database of an older schema reads what it has and NULL or nothing for the rest"() {
        given:
        byte[] old = LdrFixture.create(files.dir.resolve('old.db'), PASSWORD, files.salt) { c ->
            LdrFixture.olderShape(c)
            LdrFixture.research(c, [id: LdrFixture.R1, query: 'Old question', mode: 'quick', status: 'completed',
                                    created_at: '2024-01-01T00:00:00', progress: 100])
            LdrFixture.log(c, LdrFixture.R1, '2024-01-01 00:00:01', 'INFO', 'old line')
            LdrFixture.setting(c, 'llm.provider', '"anthropic"')
        }

        when:
        Contents read = readAll(old, files.salt)

        then:
        read.research.size() == 1
        read.research[0].report() == null
        read.research[0].title() == null
        read.research[0].metadata() == [:]
        read.resources.empty
        read.logs*.message() == ['old line']
        read.settings*.key() == ['llm.provider']
        read.keys.empty
    }

    def "a hand-made file with views for tables and tables without the needed columns reads as empty"() {
        given:
        byte[] odd = LdrFixture.create(files.dir.resolve('odd.db'), PASSWORD, files.salt) { c ->
            def statement = c.createStatement()
            ['research_history', 'research_resources', 'app_logs', 'settings', 'api_keys'].each {
                statement.execute("DROP TABLE ${it}")
            }
            statement.execute("CREATE VIEW research_history AS SELECT 'x' AS id, 'q' AS query")
            statement.execute('CREATE TABLE settings (id INTEGER PRIMARY KEY, note TEXT)')
            statement.execute("INSERT INTO settings (note) VALUES ('no key here')")
            statement.execute('CREATE TABLE api_keys (provider TEXT)')
            statement.execute("INSERT INTO api_keys VALUES ('openai')")
        }

        when:
        Contents read = readAll(odd, files.salt)

        then:
        read.research.empty
        read.resources.empty
        read.logs.empty
        read.settings.empty
        read.keys.empty
    }

    def "#what is refused with #code, and the temporary copy is gone"() {
        given:
        int before = leftovers()

        when:
        reader.open(database(), saltOf(), password.toCharArray())

        then:
        RuleViolationException refused = thrown()
        refused.code() == code
        leftovers() == before

        where:
        what                                      | database              | saltOf                       | password     || code
        'a wrong password'                        | { files.current }     | { files.salt }               | 'not it'     || 'ldr.wrong-password'
        'the salt of another database'            | { files.current }     | { LdrFixture.newSalt() }     | PASSWORD     || 'ldr.wrong-password'
        'a current database without its salt'     | { files.current }     | { null }                     | PASSWORD     || 'ldr.wrong-password'
        'a legacy database with a salt'           | { files.legacy }      | { files.salt }               | PASSWORD     || 'ldr.wrong-password'
        'a salt file that is not 32 bytes'        | { files.current }     | { new byte[16] }             | PASSWORD     || 'ldr.invalid-salt'
        'an empty file'                           | { new byte[0] }       | { files.salt }               | PASSWORD     || 'ldr.not-a-database'
        'a file cut short'                        | { cut(files.current) } | { files.salt }               | PASSWORD     || 'ldr.not-a-database'
        'a plain SQLite file'                     | { plainSqlite() }     | { files.salt }               | PASSWORD     || 'ldr.not-a-database'
        'whole pages of noise'                    | { noise() }           | { files.salt }               | PASSWORD     || 'ldr.wrong-password'
    }

    def "closing deletes the temporary copy and everything SQLite put beside it"() {
        given:
        int before = leftovers()
        LdrDatabase ldr = reader.open(files.current, files.salt, PASSWORD.toCharArray())

        expect:
        leftovers() == before + 1

        when:
        ldr.research {}
        ldr.close()
        ldr.close()

        then:
        leftovers() == before
    }

    /** Everything an LDR database holds, read through the reader. */
    static class Contents {
        List<LdrResearch> research = []
        List<LdrResource> resources = []
        List<LdrLogLine> logs = []
        List<LdrSetting> settings
        List<LdrApiKey> keys
    }

    private Contents readAll(byte[] database, byte[] saltFile) {
        Contents read = new Contents()
        reader.open(database, saltFile, PASSWORD.toCharArray()).withCloseable { LdrDatabase ldr ->
            ldr.research { read.research << it }
            ldr.resources { read.resources << it }
            ldr.logs { read.logs << it }
            read.settings = ldr.settings()
            read.keys = ldr.apiKeys()
        }
        read
    }

    private byte[] cut(byte[] bytes) {
        Arrays.copyOf(bytes, bytes.length - 100)
    }

    private byte[] plainSqlite() {
        Path file = files.dir.resolve("plain-${UUID.randomUUID()}.db")
        java.sql.DriverManager.getConnection("jdbc:sqlite:${file}").withCloseable { c ->
            c.createStatement().execute('PRAGMA page_size = 16384')
            c.createStatement().execute('CREATE TABLE research_history (id TEXT)')
        }
        byte[] bytes = Files.readAllBytes(file)
        assert bytes.length % LdrFixture.PAGE_SIZE == 0
        bytes
    }

    private static byte[] noise() {
        byte[] bytes = new byte[LdrFixture.PAGE_SIZE * 2]
        new Random(7).nextBytes(bytes)
        bytes
    }

    /** Temporary copies of LDR imports now in the JVM's temporary directory. */
    private static int leftovers() {
        Path tmp = Path.of(System.getProperty('java.io.tmpdir'))
        Files.list(tmp).withCloseable { entries -> entries.filter { it.fileName.toString().startsWith('ldr-import-') }.count() as int }
    }
}
