package dev.researchvault.adapter.http.file

import io.micronaut.core.io.buffer.ReadBuffer
import io.micronaut.core.io.buffer.ReadBufferFactory
import org.reactivestreams.Subscriber
import org.reactivestreams.Subscription
import spock.lang.Specification
import spock.lang.Timeout

import java.util.concurrent.CopyOnWriteArrayList
import java.util.concurrent.CountDownLatch
import java.util.concurrent.Executors
import java.util.concurrent.TimeUnit
import java.util.concurrent.atomic.AtomicInteger

/** A download's pieces: read on the executor, one piece ahead of the connection, closed once. */
@Timeout(30)
class FilePiecesSpec extends Specification {

    static final int MiB = 1024 * 1024

    def executor = Executors.newFixedThreadPool(2)

    def cleanup() {
        executor.shutdownNow()
    }

    /** A file of {@code size} bytes that counts the pieces read from it and its closes. */
    static class CountingFile extends ByteArrayInputStream {
        final AtomicInteger pieceReads = new AtomicInteger()
        final AtomicInteger closes = new AtomicInteger()

        final byte[] content

        CountingFile(byte[] content) {
            super(content)
            this.content = content
        }

        static CountingFile of(int size) {
            new CountingFile(new byte[size].tap { new Random(size).nextBytes(it) })
        }

        @Override
        synchronized int read(byte[] into, int offset, int length) {
            if (length == FilePieces.SIZE || offset == 0) {
                pieceReads.incrementAndGet()
            }
            super.read(into, offset, length)
        }

        @Override
        void close() {
            closes.incrementAndGet()
        }
    }

    /** Asks for pieces only when the spec says so, as the connection does when its previous write has gone out. */
    static class Connection implements Subscriber<ReadBuffer> {
        Subscription subscription
        final List<byte[]> received = new CopyOnWriteArrayList<>()
        final CountDownLatch done = new CountDownLatch(1)

        void onSubscribe(Subscription s) { subscription = s }

        void onNext(ReadBuffer piece) { received << piece.toArray() }

        void onError(Throwable t) { done.countDown() }

        void onComplete() { done.countDown() }
    }

    static void eventually(Closure<Boolean> condition) {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10)
        while (!condition()) {
            assert System.nanoTime() < until
            Thread.sleep(5)
        }
    }

    def "the next piece is read while the connection writes the last, and no further"() {
        given:
        def file = CountingFile.of(5 * MiB)
        def connection = new Connection()
        new FilePieces(file).publisher(ReadBufferFactory.jdkFactory, executor).subscribe(connection)

        when: 'the connection asks for one piece and is then busy writing it'
        connection.subscription.request(1)
        eventually { connection.received.size() == 1 }
        eventually { file.pieceReads.get() == 2 }
        Thread.sleep(100)

        then: 'one more piece was read ahead, not two'
        file.pieceReads.get() == 2
        connection.received.size() == 1

        when: 'it asks for the rest one by one'
        (1..5).each { connection.subscription.request(1) }
        connection.done.await(10, TimeUnit.SECONDS)

        then: 'every byte arrives in order and the file is closed once'
        connection.received.size() == 5
        Arrays.equals(connection.received.inject(new ByteArrayOutputStream()) { out, piece -> out.write(piece); out }.toByteArray(),
                file.content)
        file.closes.get() == 1
    }

    def "a download cancelled with a piece read ahead closes its file once"() {
        given:
        def file = CountingFile.of(5 * MiB)
        def connection = new Connection()
        new FilePieces(file).publisher(ReadBufferFactory.jdkFactory, executor).subscribe(connection)
        connection.subscription.request(1)
        eventually { file.pieceReads.get() == 2 }

        when:
        connection.subscription.cancel()

        then:
        eventually { file.closes.get() == 1 }
        Thread.sleep(50)
        file.closes.get() == 1
    }
}
