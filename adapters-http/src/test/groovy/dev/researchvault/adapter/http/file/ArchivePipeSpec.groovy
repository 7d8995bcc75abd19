package dev.researchvault.adapter.http.file

import spock.lang.Specification
import spock.lang.Timeout

import java.util.concurrent.CompletableFuture

/** The pipe between an archive's writer thread and its response. */
@Timeout(30)
class ArchivePipeSpec extends Specification {

    def "what the writer writes arrives whole and in order, more than the pipe holds at once"() {
        given:
        def pipe = new ArchivePipe()
        byte[] data = new byte[5 * 1024 * 1024].tap { new Random(1).nextBytes(it) }

        when:
        def writer = CompletableFuture.runAsync {
            def sink = pipe.sink()
            sink.write(data, 0, 1000)
            sink.write(data[1000] as int)
            sink.write(data, 1001, data.length - 1001)
            sink.finish()
        }
        byte[] read = pipe.source().readAllBytes()
        writer.join()

        then:
        Arrays.equals(read, data)
    }

    def "a writer that fails makes the reader fail after what came before: never a clean end"() {
        given:
        def pipe = new ArchivePipe()
        def sink = pipe.sink()
        sink.write('partial'.bytes)
        sink.flush()
        pipe.fail()
        def source = pipe.source()

        when:
        byte[] first = source.readNBytes(7)
        source.read()

        then:
        new String(first) == 'partial'
        thrown(IOException)
    }

    def "a reader that closes makes the writer's next write fail"() {
        given:
        def pipe = new ArchivePipe()
        def source = pipe.source()
        def sink = pipe.sink()

        when:
        source.close()
        (ArchivePipe.CHUNKS + 2).times { sink.write(new byte[ArchivePipe.CHUNK]) }

        then:
        thrown(IOException)
    }
}
