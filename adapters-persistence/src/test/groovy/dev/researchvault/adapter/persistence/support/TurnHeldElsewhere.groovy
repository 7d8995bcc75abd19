package dev.researchvault.adapter.persistence.support

import java.util.concurrent.CountDownLatch
import java.util.concurrent.locks.ReentrantLock

/**
 * A writer turn held by another thread until {@link #close}: what idle work (merges, the search queue) must give
 * way to.
 */
class TurnHeldElsewhere implements AutoCloseable {

    private final CountDownLatch done = new CountDownLatch(1)
    private final Thread writer

    /** Returns once the other thread holds {@code turn}. */
    TurnHeldElsewhere(ReentrantLock turn) {
        def taken = new CountDownLatch(1)
        writer = Thread.start {
            turn.lock()
            taken.countDown()
            done.await()
            turn.unlock()
        }
        taken.await()
    }

    /** The other thread lets the turn go and ends. */
    @Override
    void close() {
        done.countDown()
        writer.join()
    }
}
