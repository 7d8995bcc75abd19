package dev.researchvault.bootstrap.ldr

import dev.researchvault.adapter.persistence.ldr.LdrFixture
import dev.researchvault.adapter.persistence.ldr.LdrFixtureFiles
import dev.researchvault.bootstrap.chat.MessageFilesSpecSupport
import dev.researchvault.bootstrap.support.LogCapture
import spock.lang.AutoCleanup
import spock.lang.Shared

import java.nio.file.Files
import java.nio.file.Path

/**
 * {@code POST /api/v1/import/ldr} on the real server: LDR databases built from LDR's published schema with LDR's
 * key recipe (LdrFixture), imported, then read back through the public API.
 */
class LdrImportHttpSpec extends MessageFilesSpecSupport {

    static final String LDR_PASSWORD = LdrFixture.PASSWORD

    @Shared
    @AutoCleanup('delete')
    LdrFixtureFiles ldrFiles = new LdrFixtureFiles()

    def "a database of the current format comes over, and its research, settings and API keys read back through the API"() {
        given:
        User alice = user('ldr')
        int before = leftovers()

        when:
        Reply reply = importLdr(alice, ldrFiles.current, ldrFiles.salt, LDR_PASSWORD)

        then:
        reply.status == 200
        reply.json.imported == [research: 3, reports: 1, resources: 2, logs: 3, settings: 2, apiKeys: 2]
        reply.json.skipped == [research: 1, reports: 0, resources: 2, logs: 1, settings: 1, apiKeys: 1]
        leftovers() == before

        when:
        Map research = get("/api/v1/research/${LdrFixture.R1}", alice.token).json as Map

        then:
        research.query == 'What is SQLCipher?'
        research.mode == 'quick'
        research.status == 'completed'
        research.title == 'SQLCipher'
        research.progress == 100
        research.createdAt == '2025-05-01T10:00:00.123Z'
        research.completedAt == '2025-05-01T10:05:00Z'
        research.metadata == [strategy: 'source-based', iterations: 2]
        get("/api/v1/research/${LdrFixture.R1}/report", alice.token).json.content == LdrFixture.REPORT
        get("/api/v1/research/${LdrFixture.R1}/resources", alice.token).json.items*.url == ['https://www.zetetic.net/sqlcipher/']
        get("/api/v1/research/${LdrFixture.R1}/logs", alice.token).json*.message ==
                ['Research started', 'Searching', 'A source timed out']
        get("/api/v1/research/${LdrFixture.R2}", alice.token).json.status == 'failed'
        get("/api/v1/research/${LdrFixture.R3}", alice.token).json.status == 'cancelled'
        get("/api/v1/research/${LdrFixture.R4}", alice.token).status == 404
        get('/api/v1/research', alice.token).json.total == 3

        and: 'changed settings with a counterpart, and the keys, masked'
        get('/api/v1/settings/llm.provider', alice.token).json.value == 'openai'
        get('/api/v1/settings/search.iterations', alice.token).json.value == 5
        !get('/api/v1/settings/llm.temperature', alice.token).json.overridden
        get('/api/v1/api-keys', alice.token).json.collect { [it.provider, it.masked] } ==
                [['openai', 'sk-…cdef'], ['serpapi', '…cdef']]
    }

    def "a database of the legacy format (no salt part) comes over with LDR's shared salt"() {
        given:
        User bob = user('ldr-legacy')

        when:
        Reply reply = importLdr(bob, ldrFiles.legacy, null, LDR_PASSWORD)

        then:
        reply.status == 200
        reply.json.imported.research == 3
        get("/api/v1/research/${LdrFixture.R1}/report", bob.token).json.content == LdrFixture.REPORT
    }

    def "importing the same database again imports nothing and reports everything as skipped"() {
        given:
        User carol = user('ldr-again')
        assert importLdr(carol, ldrFiles.current, ldrFiles.salt, LDR_PASSWORD).status == 200

        when:
        Reply again = importLdr(carol, ldrFiles.current, ldrFiles.salt, LDR_PASSWORD)

        then:
        again.status == 200
        again.json.imported == [research: 0, reports: 0, resources: 0, logs: 0, settings: 0, apiKeys: 0]
        again.json.skipped.research == 4
        get('/api/v1/research', carol.token).json.total == 3
    }

    def "#what answers 400 #code, changes nothing and leaves no temporary file"() {
        given:
        User dave = user('ldr-refused')
        int before = leftovers()

        when:
        Reply reply = postMultipart('/api/v1/import/ldr', parts(), dave.token)

        then:
        reply.status == 400
        reply.problem
        reply.json.code == code
        !reply.text.contains(LDR_PASSWORD)
        get('/api/v1/research', dave.token).json.total == 0
        get('/api/v1/api-keys', dave.token).json == []
        leftovers() == before

        where:
        what                       | parts                                                                                                    || code
        'a wrong password'         | { form(ldrFiles.current, ldrFiles.salt, 'not the password') }                                            || 'ldr.wrong-password'
        'a missing salt'           | { form(ldrFiles.current, null, LDR_PASSWORD) }                                                           || 'ldr.wrong-password'
        'a salt of 16 bytes'       | { form(ldrFiles.current, new byte[16], LDR_PASSWORD) }                                                   || 'ldr.invalid-salt'
        'a file that is no LDR db' | { form('not a database at all'.bytes, ldrFiles.salt, LDR_PASSWORD) }                                     || 'ldr.not-a-database'
        'a truncated database'     | { form(Arrays.copyOf(ldrFiles.current, 20000), ldrFiles.salt, LDR_PASSWORD) }                            || 'ldr.not-a-database'
        'no password'              | { [['database', 'ldr.db', 'application/octet-stream', ldrFiles.current]] }                               || 'ldr.password-required'
        'no database'              | { [['password', null, null, LDR_PASSWORD]] }                                                             || 'ldr.database-required'
        'an unknown part'          | { form(ldrFiles.current, ldrFiles.salt, LDR_PASSWORD) + [['extra', null, null, 'x']] }                   || 'ldr.invalid-multipart'
        'the database twice'       | { form(ldrFiles.current, ldrFiles.salt, LDR_PASSWORD) + [['database', 'b.db', null, ldrFiles.current]] } || 'ldr.invalid-multipart'
    }

    def "neither the LDR password, its derived key nor an imported API key reaches a log, at DEBUG and TRACE"() {
        given:
        User erin = user('ldr-logs')
        String passphrase = LdrFixture.passphrase(LDR_PASSWORD, ldrFiles.salt)
        def log = new LogCapture()

        when:
        importLdr(erin, ldrFiles.current, ldrFiles.salt, 'a wrong one')
        Reply reply = importLdr(erin, ldrFiles.current, ldrFiles.salt, LDR_PASSWORD)
        String text = log.text()
        log.close()

        then:
        reply.status == 200
        !text.contains(LDR_PASSWORD)
        !text.contains('a wrong one')
        !text.contains(passphrase.substring(2, 34))
        !text.contains(LdrFixture.OPENAI_KEY)
        !text.contains(LdrFixture.SERPAPI_KEY)
    }

    def "the import needs a session"() {
        expect:
        postMultipart('/api/v1/import/ldr', form(ldrFiles.current, ldrFiles.salt, LDR_PASSWORD), 'not-a-token').status == 401
    }

    private Reply importLdr(User user, byte[] database, byte[] salt, String password) {
        postMultipart('/api/v1/import/ldr', form(database, salt, password), user.token)
    }

    private static List<List> form(byte[] database, byte[] salt, String password) {
        List<List> parts = [['database', 'ldr_user_0123.db', 'application/octet-stream', database]]
        if (salt != null) {
            parts << ['salt', 'ldr_user_0123.db.salt', 'application/octet-stream', salt]
        }
        parts << ['password', null, null, password]
        parts
    }

    /** Temporary copies of LDR imports now in the JVM's temporary directory (the server runs in this JVM). */
    private static int leftovers() {
        Path tmp = Path.of(System.getProperty('java.io.tmpdir'))
        Files.list(tmp).withCloseable { entries -> entries.filter { it.fileName.toString().startsWith('ldr-import-') }.count() as int }
    }
}
