package dev.researchvault.application.blob;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Owners whose blobs are being written before their row is committed: a message post saves its files first and
 * inserts the message row after (a row must never point at missing bytes), so for a moment its blobs have no
 * owner row. {@link BlobReconciliation} leaves these owners alone. One instance per server, shared by the writers
 * of blobs and the reconciliation; owner ids are random UUIDs, so they never collide across users.
 *
 * <p>In memory on purpose: only this process writes a vault's blobs, and a crash ends every post in progress, so
 * after a restart nothing is pending and whatever such a post left behind is rightly unreferenced.
 */
public final class PendingBlobOwners {

    private final Set<UUID> pending = ConcurrentHashMap.newKeySet();

    /**
     * Marks {@code owner} as pending until the answer is closed; close it only once the owner's row has committed
     * or its blobs have been discarded.
     */
    public Registration register(UUID owner) {
        pending.add(owner);
        return () -> pending.remove(owner);
    }

    /** Whether {@code owner} is pending now. */
    public boolean isPending(UUID owner) {
        return pending.contains(owner);
    }

    /** A pending owner; closing it ends the pending state. */
    @FunctionalInterface
    public interface Registration extends AutoCloseable {
        @Override
        void close();
    }
}
