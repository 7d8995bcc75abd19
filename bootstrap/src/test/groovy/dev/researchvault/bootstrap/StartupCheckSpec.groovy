package dev.researchvault.bootstrap

import io.micronaut.context.ApplicationContext
import io.micronaut.runtime.server.EmbeddedServer
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path

/** The server refuses to start on storage that cannot work, and says which check failed. */
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

    private static List<Throwable> causes(Throwable failure) {
        def chain = []
        for (Throwable t = failure; t != null && !chain.contains(t); t = t.cause) {
            chain << t
        }
        chain
    }
}
