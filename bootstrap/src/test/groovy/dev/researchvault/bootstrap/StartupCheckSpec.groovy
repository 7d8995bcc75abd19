package dev.researchvault.bootstrap

import dev.researchvault.application.support.SmallDisk
import dev.researchvault.bootstrap.support.LogCapture
import groovy.json.JsonOutput
import groovy.json.JsonSlurper
import io.micronaut.context.ApplicationContext
import io.micronaut.runtime.server.EmbeddedServer
import spock.lang.Requires
import spock.lang.Specification
import spock.lang.TempDir

import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.attribute.PosixFilePermissions

/**
 * The server refuses to start on storage that cannot work, and says which check failed; a full disk is not
 * such storage (what exists can still be read, and space may be freed while it runs).
 */
class StartupCheckSpec extends Specification {

    @TempDir
    Path temp

    def "a data directory that cannot be created stops the start with a message naming it"() {
        given: 'a regular file where the data directory should be'
        Path notADirectory = Files.writeString(temp.resolve('occupied'), 'a file, not a directory')

        when:
        ApplicationContext.run(EmbeddedServer, ['micronaut.server.port': -1, 'vault.data-dir': notADirectory.resolve('data').toString()])

        then:
        def failure = thrown(Exception)
        causes(failure).any { it.message?.contains('data directory') && it.message?.contains('cannot be created') }
    }

    def "a usable data directory starts fine"() {
        when:
        def server = ApplicationContext.run(EmbeddedServer, ['micronaut.server.port': -1, 'vault.data-dir': temp.resolve('data').toString()])

        then:
        server.running

        cleanup:
        server?.close()
    }

    def "files no account owns are removed at start-up; accounts keep theirs"() {
        given: 'a server with one real account, stopped'
        def dataDir = temp.resolve('data')
        def properties = ['micronaut.server.port': -1, 'vault.data-dir': dataDir.toString(),
                          'vault.kdf.memory-kib': 1024, 'vault.kdf.iterations': 1]
        def first = ApplicationContext.run(EmbeddedServer, properties)
        first.applicationContext.getBean(dev.researchvault.application.account.RegisterAccountUseCase)
                .register(new dev.researchvault.application.account.RegisterAccountUseCase.RegisterAccountCommand('keeper', 'correct horse battery'))
        first.close()
        def kept = Files.list(dataDir.resolve('users')).withCloseable { it.toList() }

        and: 'what a registration killed after creating its files would leave, plus an orphan backup'
        def orphan = dataDir.resolve('users').resolve(UUID.randomUUID().toString())
        Files.createDirectories(orphan)
        Files.writeString(orphan.resolve('vault.db'), 'half a vault')
        def orphanBackup = dataDir.resolve('backups').resolve(UUID.randomUUID().toString())
        Files.createDirectories(orphanBackup)

        when:
        def second = ApplicationContext.run(EmbeddedServer, properties)

        then:
        !Files.exists(orphan)
        !Files.exists(orphanBackup)
        kept.every { Files.exists(it.resolve('vault.db')) }

        cleanup:
        second?.close()
    }

    def "a data directory its operator made read-only stops the start, with a message saying so"() {
        given:
        Path dataDir = Files.createDirectories(temp.resolve('data'))
        Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString('r-x------'))

        when:
        ApplicationContext.run(EmbeddedServer, ['micronaut.server.port': -1, 'vault.data-dir': dataDir.toString()])

        then:
        def failure = thrown(Exception)
        causes(failure).any { it.message?.contains('data directory') && it.message?.contains('not writable') }
        PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir)) == 'r-x------'

        cleanup:
        Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString('rwx------'))
    }

    def "a backups directory others may list (made by an earlier version) is reported at start-up and left as it is"() {
        given:
        Path backups = Files.createDirectories(temp.resolve('data').resolve('backups'))
        Files.setPosixFilePermissions(temp.resolve('data'), PosixFilePermissions.fromString('rwx------'))
        Files.setPosixFilePermissions(backups, PosixFilePermissions.fromString('rwxr-xr-x'))
        def logs = new LogCapture()

        when:
        def server = ApplicationContext.run(EmbeddedServer, ['micronaut.server.port': -1, 'vault.data-dir': temp.resolve('data').toString()])

        then:
        server.running
        logs.text().contains("event=startup.directory-not-private path=${backups}")
        !logs.text().contains("event=startup.directory-not-private path=${temp.resolve('data')} ")
        PosixFilePermissions.toString(Files.getPosixFilePermissions(backups)) == 'rwxr-xr-x'

        cleanup:
        server?.close()
        logs?.close()
    }

    @Requires({ SmallDisk.AVAILABLE })
    def "a full disk does not stop the start: health says full, and once space is freed everything works without a restart"() {
        given: 'an account made before the disk filled up, and the server stopped'
        def disk = SmallDisk.mount(temp.resolve('data'), 16)
        def properties = ['micronaut.server.port': -1, 'vault.data-dir': disk.dir.toString(),
                          'vault.kdf.memory-kib': 1024, 'vault.kdf.iterations': 1]
        def first = ApplicationContext.run(EmbeddedServer, properties)
        assert post(first, '/api/v1/auth/register', [username: 'reader', password: 'correct horse battery']).statusCode() == 201
        first.close()
        disk.fill()

        when:
        def second = ApplicationContext.run(EmbeddedServer, properties)

        then: 'it runs and says why it cannot write; a login meanwhile is a clean answer, never a 500'
        second.running
        with(get(second, '/health')) {
            statusCode() == 503
            json(it).status == 'DEGRADED'
            json(it).storage == 'full'
            !json(it).dataDirectoryWritable
        }
        post(second, '/api/v1/auth/login', [username: 'reader', password: 'correct horse battery']).statusCode() in [200, 503]
        Files.list(disk.dir).withCloseable { it.toList() }.every { !it.fileName.toString().startsWith('.probe-') }

        when:
        disk.free()

        then:
        get(second, '/health').statusCode() == 200
        post(second, '/api/v1/auth/login', [username: 'reader', password: 'correct horse battery']).statusCode() == 200
        post(second, '/api/v1/auth/register', [username: 'writer', password: 'correct horse battery']).statusCode() == 201

        cleanup:
        second?.close()
        disk?.unmount()
    }

    private static final HttpClient HTTP = HttpClient.newHttpClient()

    private static HttpResponse<String> get(EmbeddedServer server, String path) {
        HTTP.send(HttpRequest.newBuilder(server.URI.resolve(path)).GET().build(), HttpResponse.BodyHandlers.ofString())
    }

    private static HttpResponse<String> post(EmbeddedServer server, String path, Map body) {
        HTTP.send(HttpRequest.newBuilder(server.URI.resolve(path)).header('Content-Type', 'application/json')
                .POST(HttpRequest.BodyPublishers.ofString(JsonOutput.toJson(body))).build(), HttpResponse.BodyHandlers.ofString())
    }

    private static Object json(HttpResponse<String> response) {
        new JsonSlurper().parseText(response.body())
    }

    private static List<Throwable> causes(Throwable failure) {
        def chain = []
        for (Throwable t = failure; t != null && !chain.contains(t); t = t.cause) {
            chain << t
        }
        chain
    }
}
