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

    private static List<Throwable> causes(Throwable failure) {
        def chain = []
        for (Throwable t = failure; t != null && !chain.contains(t); t = t.cause) {
            chain << t
        }
        chain
    }
}
