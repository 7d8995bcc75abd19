package dev.researchvault.application.blob;

import dev.researchvault.domain.LimitExceededException;
import dev.researchvault.domain.account.UserId;
import dev.researchvault.domain.blob.StoredBytes;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The most bytes of files one user may keep: the one check every path that stores new file bytes calls (message
 * files, documents, raw uploads, imports) before it writes any of them, so a refused upload stores nothing.
 *
 * <p>What is admitted is <em>reserved</em> until the caller closes its {@link Reservation}, after the bytes are stored
 * (or were not): a user's uploads running at once are admitted against what is stored plus what the others reserved,
 * so together they cannot pass the quota either. No lock is held while bytes are stored; the check and the
 * reservation are one step per owner. Between a store's commit and the close of its reservation its bytes count
 * twice, so a concurrent admission may be refused a moment early: the quota errs towards refusing.
 */
public final class StorageQuota {

    /** No quota: the default. */
    public static final long UNLIMITED = Long.MAX_VALUE;

    private final StoredBytes stored;
    private final long maxBytes;
    /** Bytes admitted and not yet released, per owner; an owner leaves when its last reservation closes. */
    private final ConcurrentMap<UserId, Reserved> reserved = new ConcurrentHashMap<>();

    /** @param maxBytes the quota; {@link #UNLIMITED} for none */
    public StorageQuota(StoredBytes stored, long maxBytes) {
        if (maxBytes < 0) {
            throw new IllegalArgumentException("a quota is zero or more");
        }
        this.stored = stored;
        this.maxBytes = maxBytes;
    }

    /** No quota at all; nothing is read. */
    public static StorageQuota unlimited() {
        return new StorageQuota(() -> 0, UNLIMITED);
    }

    public long maxBytes() {
        return maxBytes;
    }

    /**
     * Admits {@code incomingBytes} more bytes of files into the bound vault and reserves them until the answer is
     * closed. Call inside the vault scope, before storing any of them; close after they are stored or given up.
     *
     * @throws LimitExceededException {@code vault.quota-exceeded} (413) when they would take the vault over its quota
     */
    public Reservation admit(long incomingBytes) {
        if (maxBytes == UNLIMITED) {
            return Reservation.NONE;
        }
        UserId owner = stored.owner();
        Reserved ofOwner = reserved.compute(owner, (key, current) -> (current == null ? new Reserved() : current).join());
        Reservation reservation = new Reservation(this, owner, ofOwner);
        try {
            reservation.growTo(incomingBytes);
            return reservation;
        } catch (RuntimeException refused) {
            reservation.close();
            throw refused;
        }
    }

    private void take(Reserved ofOwner, long more) {
        synchronized (ofOwner) {
            long total = stored.total();
            long othersAndMine = ofOwner.bytes;
            if (more > maxBytes - total - othersAndMine) {
                throw new LimitExceededException("vault.quota-exceeded", "storing this would take your files over the "
                        + "storage quota of " + maxBytes + " bytes (" + total + " bytes are stored"
                        + (othersAndMine > 0 ? ", " + othersAndMine + " more are being stored" : "")
                        + "); delete some first");
            }
            ofOwner.bytes += more;
        }
    }

    private void release(UserId owner, Reserved ofOwner, long bytes) {
        synchronized (ofOwner) {
            ofOwner.bytes -= bytes;
        }
        reserved.computeIfPresent(owner, (key, current) -> current.leave() ? null : current);
    }

    /** Bytes reserved by one owner's admissions in progress, and how many are open. */
    private static final class Reserved {
        long bytes;      // guarded by this
        int holders;     // changed only inside the map's compute for this owner

        Reserved join() {
            holders++;
            return this;
        }

        /** One holder less; true when none is left. */
        boolean leave() {
            return --holders == 0;
        }
    }

    /** Bytes admitted by {@link #admit}, held until closed. Not thread-safe: one per store in progress. */
    public static final class Reservation implements AutoCloseable {

        /** What an unlimited quota admits: nothing to hold or release. */
        static final Reservation NONE = new Reservation(null, null, null);

        private final StorageQuota quota;
        private final UserId owner;
        private final Reserved ofOwner;
        private long bytes;
        private boolean closed;

        private Reservation(StorageQuota quota, UserId owner, Reserved ofOwner) {
            this.quota = quota;
            this.owner = owner;
            this.ofOwner = ofOwner;
        }

        /**
         * Grows what this holds to {@code totalBytes} (a body without a known length is admitted as it arrives).
         *
         * @throws LimitExceededException {@code vault.quota-exceeded} when the growth would pass the quota
         */
        public void growTo(long totalBytes) {
            if (quota == null || totalBytes <= bytes) {
                return;
            }
            quota.take(ofOwner, totalBytes - bytes);
            bytes = totalBytes;
        }

        @Override
        public void close() {
            if (quota == null || closed) {
                return;
            }
            closed = true;
            quota.release(owner, ofOwner, bytes);
        }
    }
}
