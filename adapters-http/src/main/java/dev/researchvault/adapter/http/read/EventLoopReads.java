package dev.researchvault.adapter.http.read;

import dev.researchvault.application.vault.ReadsWithoutWaiting;
import io.micronaut.core.propagation.PropagatedContext;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;

/**
 * Answers a bounded read on the event loop when it can, on the blocking executor otherwise: the one way a
 * controller offers a point read (one row by id or key) the optimistic path. Handing every request from the
 * event loop to the {@code io} executor and back costs more than such a read itself (docs/benchmarks.md, "HTTP
 * against Micronaut's own floor"), so the read is first attempted right where the request arrived, taking only
 * what is free at once ({@link ReadsWithoutWaiting}); whatever would have to wait (a vault not open yet, its lock
 * held or wanted by a password change, no idle connection, SQLite busy) sends the same read to the executor, as
 * before. The route itself must not be {@code @ExecuteOn}: it has to run on the event loop to try.
 *
 * <p>Only for reads whose cost is bounded (a point read; never a list, a search or a file) and that are
 * harmless to start twice: an attempt may be abandoned before its first read and run again. Answers and errors
 * are the same on both paths: an error thrown by the read goes to the route's error handling as it is.
 */
@Singleton
public final class EventLoopReads {

    private final ReadsWithoutWaiting withoutWaiting;
    private final ExecutorService blocking;

    EventLoopReads(ReadsWithoutWaiting withoutWaiting, @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.withoutWaiting = withoutWaiting;
        this.blocking = blocking;
    }

    /**
     * The answer of {@code read}: complete at once when it ran without waiting, otherwise once it has run on the
     * blocking executor (with the request's propagated context, as {@code @ExecuteOn} would).
     *
     * @param read a bounded read that returns non-null
     */
    public <T> CompletableFuture<T> answer(Supplier<T> read) {
        Optional<T> answered = withoutWaiting.attempt(read);
        if (answered.isPresent()) {
            return CompletableFuture.completedFuture(answered.get());
        }
        CompletableFuture<T> later = new CompletableFuture<>();
        Supplier<T> inContext = PropagatedContext.getOrEmpty().wrap(read);
        blocking.execute(() -> {
            try {
                later.complete(inContext.get());
            } catch (RuntimeException | Error failure) {
                // Completed with the read's own error, not wrapped: the route's error handling sees what it
                // would have seen from a blocking route.
                later.completeExceptionally(failure);
            }
        });
        return later;
    }
}
