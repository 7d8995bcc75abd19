package dev.researchvault.reliability

import dev.researchvault.reliability.support.Api
import dev.researchvault.reliability.support.ReliabilitySpec
import dev.researchvault.reliability.support.User
import groovy.json.JsonSlurper

import java.nio.file.Files
import java.nio.file.Path
import java.sql.Connection
import java.util.zip.ZipInputStream

/**
 * A downloaded backup opens away from the server with its password and stock SQLCipher, by docs/file-format.md
 * alone: VaultFiles derives the keys independently of the server's classes, from the archive's backup.json.
 */
class BackupDownloadSpec extends ReliabilitySpec {

    def setupSpec() {
        startServer()
    }

    def "a downloaded backup opens with the password and the KDF row it carries, and with nothing else"() {
        given:
        User alice = newUser('download')
        assert api.post('/api/v1/research', [query: 'kept in the backup', mode: 'quick'], alice.token).status == 201
        String chat = api.post('/api/v1/chats', [title: 'c'], alice.token).json.id
        assert api.post("/api/v1/chats/${chat}/messages", [role: 'user', content: 'm',
                files: [[name: 'a.txt', mime: 'text/plain', data: 'YWxpY2U=', thumbnail: 'YWxpY2U=']]], alice.token).status == 201
        String name = api.post('/api/v1/backups', null, alice.token).json.name

        when:
        Api.Reply reply = api.post("/api/v1/backups/${name}/download", [password: alice.password], alice.token)
        Path dir = unzip(reply.bytes, parentDir.resolve("download-${name}"))
        Map description = new JsonSlurper().parse(dir.resolve('backup.json').toFile()) as Map

        then:
        reply.status == 200
        reply.header('Content-Type') == 'application/zip'
        Files.list(dir).collect { it.fileName.toString() }.sort() ==
                ['backup.json', 'backup.properties', 'blobs.db', 'kdf.properties', 'vault.db']
        description.backup == name
        description.fileKeys['vault.db'] == 'research-vault/v1/vault.db'

        and: 'both files open with the password and the KDF row of backup.json, and are whole'
        files.withDownloadedFile(dir.resolve('vault.db'), description.kdf as Map, alice.password) { Connection c ->
            column(c, 'SELECT query FROM research') == ['kept in the backup'] && column(c, 'PRAGMA integrity_check') == ['ok']
        }
        files.withDownloadedFile(dir.resolve('blobs.db'), description.kdf as Map, alice.password) { Connection c ->
            column(c, 'SELECT count(*) FROM blob') == [2] && column(c, 'PRAGMA integrity_check') == ['ok']
        }

        and: 'another password opens neither file, and the server refuses it'
        !opens(dir.resolve('vault.db'), description.kdf as Map, 'not the password at all')
        api.post("/api/v1/backups/${name}/download", [password: 'not the password at all'], alice.token).status == 403
    }

    private boolean opens(Path file, Map kdf, String password) {
        try {
            files.withDownloadedFile(file, kdf, password) { Connection c -> column(c, 'SELECT count(*) FROM sqlite_master') }
            true
        } catch (java.sql.SQLException wrongKey) {
            false
        }
    }

    private static List column(Connection connection, String sql) {
        def values = []
        connection.createStatement().executeQuery(sql).with { while (it.next()) { values << it.getObject(1) } }
        values
    }

    private static Path unzip(byte[] zip, Path dir) {
        Files.createDirectories(dir)
        new ZipInputStream(new ByteArrayInputStream(zip)).withCloseable { input ->
            def entry
            while ((entry = input.nextEntry) != null) {
                assert !entry.name.contains('/') && !entry.name.contains('\\')
                Files.write(dir.resolve(entry.name), input.readAllBytes())
            }
        }
        dir
    }
}
