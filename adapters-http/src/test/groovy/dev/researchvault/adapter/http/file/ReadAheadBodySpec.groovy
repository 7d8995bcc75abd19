package dev.researchvault.adapter.http.file

import io.micronaut.core.io.buffer.ReadBuffer
import io.micronaut.core.io.buffer.ReadBufferFactory
import org.reactivestreams.Publisher
import org.reactivestreams.Subscriber
import org.reactivestreams.Subscription
import reactor.core.publisher.Flux
import reactor.core.scheduler.Schedulers
import spock.lang.Specification
import spock.lang.Timeout

import java.time.Duration
import java.util.concurrent.CompletableFuture
import java.util.concurrent.atomic.AtomicInteger

/** A request body read ahead of its reader, with a bounded demand. */
@Timeout(30)
class ReadAheadBodySpec extends Specification {

    static final ReadBufferFactory BUFFERS = ReadBufferFactory.jdkFactory

    /** A body the spec delivers by hand, recording what the reader asked for and what it released. */
    static class HandFed implements Publisher<ReadBuffer>, Subscription {
        Subscriber<? super ReadBuffer> subscriber
        long outstanding
        long mostOutstanding
        boolean cancelled
        final AtomicInteger released = new AtomicInteger()

        void subscribe(Subscriber<? super ReadBuffer> subscriber) {
            this.subscriber = subscriber
            subscriber.onSubscribe(this)
        }

        synchronized void request(long n) {
            outstanding += n
            mostOutstanding = Math.max(mostOutstanding, outstanding)
        }

        void cancel() {
            cancelled = true
        }

        /** Delivers {@code size} bytes of {@code value}; only what was asked for may be delivered. */
        void send(int size, int value = 7) {
            synchronized (this) {
                assert outstanding > 0: 'a buffer was delivered that nobody asked for'
                outstanding--
            }
            byte[] bytes = new byte[size]
            Arrays.fill(bytes, value as byte)
            subscriber.onNext(counting(bytes))
        }

        /** Delivers while the reader asks, {@code size} bytes each time; how many were delivered. */
        int sendWhileAsked(int size) {
            int sent = 0
            while (outstanding > 0) {
                send(size)
                sent++
            }
            sent
        }

        private ReadBuffer counting(byte[] bytes) {
            def released = this.released
            ReadBuffer inner = BUFFERS.adapt(bytes)
            // Counts the closes of whole buffers: what waits must be let go when the body is closed.
            [readable: { inner.readable() }, split: { int n -> inner.split(n) }, toArray: { byte[] into, int at -> inner.toArray(into, at) },
             close: { released.incrementAndGet(); inner.close() }] as ReadBuffer
        }
    }

    def "a body in many small buffers, delivered on another thread, is read whole and in order"() {
        given:
        def random = new Random(3)
        List<byte[]> pieces = (1..2000).collect { byte[] piece = new byte[1 + random.nextInt(700)]; random.nextBytes(piece); piece }
        byte[] whole = new ByteArrayOutputStream().tap { out -> pieces.each { out.write(it) } }.toByteArray()
        def body = ReadAheadBody.of(Flux.fromIterable(pieces).map { BUFFERS.adapt(it) }.publishOn(Schedulers.boundedElastic(), 1),
                4096)

        when: 'read in chunks larger than the look-ahead, as the blob store reads'
        def out = new ByteArrayOutputStream()
        byte[] chunk = new byte[10_000]
        int read
        while ((read = body.readNBytes(chunk, 0, chunk.length)) > 0) {
            out.write(chunk, 0, read)
        }

        then:
        out.toByteArray() == whole
        body.read() == -1
    }

    def "buffers are asked for one at a time while the reader is busy, and no more once the look-ahead is full"() {
        given:
        def fed = new HandFed()
        def body = ReadAheadBody.of(fed, 100)

        when: 'the reader reads nothing yet'
        int sent = fed.sendWhileAsked(30)

        then: 'four buffers of 30 bytes fill a look-ahead of 100 (the last one passes it), then the demand stops'
        sent == 4
        fed.outstanding == 0
        fed.mostOutstanding == 1
        body.available() == 120

        when: 'the reader takes part of the first buffer: still at or over the bound'
        byte[] some = new byte[20]
        int got = body.read(some, 0, 20)

        then:
        got == 20
        fed.outstanding == 0

        when: 'it takes more, leaving half the look-ahead'
        got = body.read(new byte[50], 0, 50)

        then: 'the reader asks again only once less than half of it is left'
        got == 50
        fed.outstanding == 0

        when:
        got = body.read(new byte[1], 0, 1)

        then: 'one more buffer is asked for, not more'
        got == 1
        fed.outstanding == 1
        fed.mostOutstanding == 1

        when: 'buffers arrive while the reader is busy'
        sent = fed.sendWhileAsked(30)

        then: 'they are asked for until the look-ahead is full again'
        sent == 2
        body.available() == 109
        fed.outstanding == 0
    }

    def "a read returns what waits without waiting for the rest"() {
        given:
        def fed = new HandFed()
        def body = ReadAheadBody.of(fed, 1000)
        fed.send(30)

        expect:
        body.read(new byte[100], 0, 100) == 30
    }

    def "a body that breaks off gives its bytes so far, then an IOException carrying the cause"() {
        given:
        def fed = new HandFed()
        def body = ReadAheadBody.of(fed, 1000)
        fed.send(10, 1)
        def cause = new IllegalStateException('connection reset')
        fed.subscriber.onError(cause)

        when:
        byte[] first = new byte[10]
        int got = body.readNBytes(first, 0, 10)

        then:
        got == 10
        first == [1] * 10 as byte[]

        when:
        body.read(new byte[10], 0, 10)

        then:
        def broken = thrown(IOException)
        broken.cause.is(cause)
    }

    def "a slow body: the reader waits for each buffer and gets them all"() {
        given:
        def fed = new HandFed()
        def body = ReadAheadBody.of(fed, 64)
        def sender = CompletableFuture.runAsync {
            (1..5).each { int value ->
                while (fed.outstanding == 0) {
                    Thread.sleep(1)
                }
                Thread.sleep(40)
                fed.send(16, value)
            }
            fed.subscriber.onComplete()
        }

        when:
        long started = System.nanoTime()
        byte[] all = body.readAllBytes()
        sender.join()

        then:
        all.length == 80
        (0..4).every { int i -> all[i * 16..<(i + 1) * 16].every { it == (i + 1) as byte } }
        Duration.ofNanos(System.nanoTime() - started) >= Duration.ofMillis(150) // it did wait for the sender
    }

    def "closing cancels the body and lets go of every waiting buffer; a read after it fails"() {
        given:
        def fed = new HandFed()
        def body = ReadAheadBody.of(fed, 100)
        int sent = fed.sendWhileAsked(30)

        when:
        body.close()

        then:
        fed.cancelled
        fed.released.get() == sent
        body.available() == 0

        when:
        body.read()

        then:
        thrown(IOException)
    }

    def "a reader waiting for bytes is woken by the end of the body"() {
        given:
        def fed = new HandFed()
        def body = ReadAheadBody.of(fed, 100)
        def reader = CompletableFuture.supplyAsync { body.read(new byte[10], 0, 10) }

        when:
        Thread.sleep(50)
        fed.subscriber.onComplete()

        then:
        reader.get() == -1
    }
}
