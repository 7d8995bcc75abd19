package dev.researchvault.adapter.http.file;

import io.micronaut.core.io.buffer.ReadBuffer;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.ServerHttpRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * A request body as an {@link InputStream} that keeps receiving while its reader is busy: it subscribes to the
 * body's buffers itself and keeps asking for the next one until {@link #AHEAD} bytes wait unread, so the network
 * fills the next chunk while the blob store inserts the previous one.
 *
 * <p>Why not Micronaut's own {@code @Body InputStream}: it asks for one buffer (8–64 KiB) only when the reader
 * needs it, so nothing arrives while a 1 MiB chunk is encrypted and inserted, and every buffer is a wake-up of the
 * reading thread. Profiled (docs/benchmarks.md, "Streamed files after the profile"), receiving and inserting took
 * turns: ≈ 22 % of a 200 MiB upload was spent receiving with nothing else happening.
 *
 * <p>Memory: at most {@code ahead} bytes plus one buffer wait here (the body's buffers, released as they are read);
 * the demand is one buffer at a time, asked again as each arrives while the bound allows, and again by the reader
 * once half of the bound has been read. Buffers are copied out outside the lock, so the event loop that delivers them never waits
 * for a copy.
 */
public final class ReadAheadBody extends InputStream implements Subscriber<ReadBuffer> {

    /**
     * 1 MiB, one blob chunk: the next chunk is received in full while the last one is inserted (≈ 3 ms at the port's
     * speed), so the store never waits for the network between chunks. Half a chunk (512 KiB, stop 16) left the reader
     * waiting for the other half of every chunk: 7–8 ms of a 10 MiB upload in {@code readNBytes}, 2–4 ms with 1 MiB
     * (docs/benchmarks.md, "Streamed files at 10 MiB: what the gap was"). The bytes wait in Netty's pooled direct
     * buffers, off the heap: the heap per upload is still the one 1 MiB chunk buffer.
     */
    public static final int AHEAD = 1024 * 1024;

    private final int ahead;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final ArrayDeque<ReadBuffer> waiting = new ArrayDeque<>();
    private Subscription subscription;
    private long waitingBytes;
    private boolean asked;
    private boolean ended;
    private Throwable failure;
    private boolean closed;

    ReadAheadBody(int ahead) {
        if (ahead <= 0) {
            throw new IllegalArgumentException("the body must be read some bytes ahead");
        }
        this.ahead = ahead;
    }

    /** The request's body, read {@link #AHEAD} bytes ahead; the caller closes it. */
    public static ReadAheadBody of(HttpRequest<?> request) {
        if (!(request instanceof ServerHttpRequest<?> received)) {
            throw new IllegalStateException("a body is read ahead only on the server");
        }
        return of(received.byteBody().toReadBufferPublisher(), AHEAD);
    }

    static ReadAheadBody of(Publisher<ReadBuffer> buffers, int ahead) {
        ReadAheadBody body = new ReadAheadBody(ahead);
        buffers.subscribe(body);
        return body;
    }

    @Override
    public void onSubscribe(Subscription given) {
        lock.lock();
        try {
            if (subscription != null) {
                given.cancel();
                return;
            }
            subscription = given;
            if (closed) {
                given.cancel();
            } else {
                askWhileBelow(ahead);
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void onNext(ReadBuffer buffer) {
        lock.lock();
        try {
            asked = false;
            if (closed) {
                buffer.close();
                return;
            }
            waiting.addLast(buffer);
            waitingBytes += buffer.readable();
            changed.signalAll();
            askWhileBelow(ahead);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void onError(Throwable cause) {
        finish(Objects.requireNonNull(cause));
    }

    @Override
    public void onComplete() {
        finish(null);
    }

    private void finish(Throwable cause) {
        lock.lock();
        try {
            ended = true;
            failure = cause;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    /** Blocks until at least one byte is there; then copies what is there, up to {@code length}, without waiting. */
    @Override
    public int read(byte[] into, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, into.length);
        if (length == 0) {
            return 0;
        }
        int read = 0;
        while (read < length) {
            ReadBuffer next = take(length - read, read == 0);
            if (next == null) {
                break;
            }
            try (next) {
                int size = next.readable();
                next.toArray(into, offset + read);
                read += size;
            }
        }
        return read == 0 ? -1 : read;
    }

    /**
     * The next waiting buffer, or its first {@code most} bytes; null at the end, or when nothing waits and
     * {@code block} is false. Taking makes room, so more is asked for here.
     */
    private ReadBuffer take(int most, boolean block) throws IOException {
        lock.lock();
        try {
            while (waiting.isEmpty()) {
                if (closed) {
                    throw new IOException("the body was closed");
                }
                if (!block) {
                    return null;
                }
                if (ended) {
                    if (failure != null) {
                        throw new IOException("the body broke off", failure);
                    }
                    return null;
                }
                changed.await();
            }
            ReadBuffer head = waiting.peekFirst();
            ReadBuffer taken = head.readable() <= most ? waiting.pollFirst() : head.split(most);
            waitingBytes -= taken.readable();
            askWhileBelow(ahead / 2);
            return taken;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the body");
        } finally {
            lock.unlock();
        }
    }

    /**
     * Asks for one more buffer when none is on its way and fewer than {@code mark} bytes wait. Under the lock.
     *
     * <p>The event loop (onNext) asks up to {@code ahead}; the reader only once half of it is gone. Why: a buffer
     * handed over on the reader's thread is acknowledged from that thread, and Netty must then wake its event loop
     * (an {@code eventfd} write) to read more — jstack caught upload threads there in 6–14 % of samples when the
     * reader asked again after every buffer it took. Waiting for half the look-ahead to drain makes that one wake-up
     * per refill; the event loop keeps asking from its own thread, which costs none.
     */
    private void askWhileBelow(long mark) {
        if (subscription != null && !asked && !ended && !closed && waitingBytes < mark) {
            asked = true;
            // Under the lock, so requests never overlap (Reactive Streams rule 2.7); a buffer delivered from within
            // this call comes back to onNext on this thread, which the reentrant lock lets in.
            subscription.request(1);
        }
    }

    @Override
    public int available() {
        lock.lock();
        try {
            return (int) Math.min(Integer.MAX_VALUE, waitingBytes);
        } finally {
            lock.unlock();
        }
    }

    /** Stops receiving and releases what waits. The rest of the body is left to the server to discard. */
    @Override
    public void close() {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            if (subscription != null && !ended) {
                subscription.cancel();
            }
            waiting.forEach(ReadBuffer::close);
            waiting.clear();
            waitingBytes = 0;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
