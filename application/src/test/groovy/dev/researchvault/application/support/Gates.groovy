package dev.researchvault.application.support

import java.util.concurrent.ConcurrentHashMap
import java.util.concurrent.CountDownLatch
import java.util.concurrent.TimeUnit

/**
 * Points in a fake where a spec holds a thread to force an interleaving: an armed gate stops the next thread
 * that passes its point until the spec opens it (or ten seconds pass, so a spec whose interleaving cannot
 * happen fails instead of hanging).
 */
class Gates {

    private final Map<String, Gate> armed = new ConcurrentHashMap<>()

    /** Arms {@code point} for the next thread that passes it. */
    Gate arm(String point) {
        def gate = new Gate()
        armed[point] = gate
        gate
    }

    /** Called by the fakes: holds the thread when {@code point} is armed (once per arming). */
    void pass(String point) {
        def gate = armed.remove(point)
        if (gate != null) {
            gate.reached.countDown()
            gate.opened.await(10, TimeUnit.SECONDS)
        }
    }

    /** One armed point: the spec waits until a thread reached it, then opens it. */
    static class Gate {
        final CountDownLatch reached = new CountDownLatch(1)
        final CountDownLatch opened = new CountDownLatch(1)

        void awaitReached() {
            assert reached.await(10, TimeUnit.SECONDS): 'no thread reached the gate'
        }

        void open() {
            opened.countDown()
        }
    }
}
