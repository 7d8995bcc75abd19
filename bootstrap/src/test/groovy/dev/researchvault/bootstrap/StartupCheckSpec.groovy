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

    def "files no account owns are quarantined at start-up, never deleted; accounts keep theirs"() {
        given: 'a server with one real account, stopped'
        def dataDir = temp.resolve('data')
        def properties = ['micronaut.server.port': -1, 'vault.data-dir': dataDir.toString(),
                          'vault.kdf.memory-kib': 1024, 'vault.kdf.iterations': 1]
        def first = ApplicationContext.run(EmbeddedServer, properties)
        register(first, 'keeper')
        first.close()
        def kept = Files.list(dataDir.resolve('users')).withCloseable { it.toList() }

        and: 'a directory no account owns, and a registration killed before its account was recorded'
        def orphan = dataDir.resolve('users').resolve(UUID.randomUUID().toString())
        Files.createDirectories(orphan)
        Files.writeString(orphan.resolve('vault.db'), 'somebody\'s vault')
        def halfRegistered = dataDir.resolve('users').resolve(UUID.randomUUID().toString())
        Files.createDirectories(halfRegistered)
        Files.writeString(halfRegistered.resolve('.registering'), '')

        when:
        def second = ApplicationContext.run(EmbeddedServer, properties)

        then: 'the unknown one is kept aside, the server\'s own leftover is gone'
        !Files.exists(orphan)
        Files.readString(quarantined(dataDir, orphan.fileName.toString()).resolve('users').resolve('vault.db')) == 'somebody\'s vault'
        !Files.exists(halfRegistered)
        kept.every { Files.exists(it.resolve('vault.db')) }

        cleanup:
        second?.close()
    }

    def "a registry that lost its WAL still holds every account: no vault is quarantined or deleted"() {
        given: 'accounts registered, then the server killed (simulated: the registry copied with its WAL lost)'
        def dataDir = temp.resolve('data')
        def properties = ['micronaut.server.port': -1, 'vault.data-dir': dataDir.toString(),
                          'vault.kdf.memory-kib': 1024, 'vault.kdf.iterations': 1]
        def first = ApplicationContext.run(EmbeddedServer, properties)
        ['ann', 'ben', 'cid'].each { register(first, it) }
        def registryAlone = temp.resolve('registry-without-wal.db')
        Files.copy(dataDir.resolve('registry.db'), registryAlone)
        first.close()
        Files.copy(registryAlone, dataDir.resolve('registry.db'), java.nio.file.StandardCopyOption.REPLACE_EXISTING)
        ['-wal', '-shm'].each { Files.deleteIfExists(dataDir.resolve("registry.db${it}")) }
        def vaults = Files.list(dataDir.resolve('users')).withCloseable { it.toList() }

        when:
        def second = ApplicationContext.run(EmbeddedServer, properties)

        then:
        vaults.size() == 3
        vaults.every { Files.exists(it.resolve('vault.db')) }
        !Files.exists(dataDir.resolve('quarantine'))

        cleanup:
        second?.close()
    }

    private static void register(EmbeddedServer server, String name) {
        server.applicationContext.getBean(dev.researchvault.application.account.RegisterAccountUseCase)
                .register(new dev.researchvault.application.account.RegisterAccountUseCase.RegisterAccountCommand(name, 'correct horse battery'))
    }

    private static java.nio.file.Path quarantined(java.nio.file.Path dataDir, String user) {
        Files.list(dataDir.resolve('quarantine')).withCloseable { stream -> stream.filter { it.fileName.toString().endsWith(user) }.findFirst().get() }
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
        // health.reuse-for 0s: health shows the freed disk at once, not after the 5 s a check is reused by default.
        def properties = ['micronaut.server.port': -1, 'vault.data-dir': disk.dir.toString(),
                          'vault.kdf.memory-kib': 1024, 'vault.kdf.iterations': 1, 'health.reuse-for': '0s']
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
