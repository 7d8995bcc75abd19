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

    private static List<Throwable> causes(Throwable failure) {
        def chain = []
        for (Throwable t = failure; t != null && !chain.contains(t); t = t.cause) {
            chain << t
        }
        chain
    }
}
