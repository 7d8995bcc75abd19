package dev.researchvault.application.blob;

import dev.researchvault.domain.LimitExceededException;
import dev.researchvault.domain.blob.StoredBytes;

/**
 * The most bytes of files one user may keep: the one check every path that stores new file bytes calls (message
 * files, documents, and any later upload path) before it writes any of them, so a refused upload stores nothing.
 * Checked against what is stored at that moment: two uploads of one user running at once may each pass and end up
 * over the quota by at most one upload, a bound worth less than a lock held across uploads.
 *
 * @param maxBytes the quota; {@link #UNLIMITED} for none
 */
public record StorageQuota(StoredBytes stored, long maxBytes) {

    /** No quota: the default. */
    public static final long UNLIMITED = Long.MAX_VALUE;

    public StorageQuota {
        if (maxBytes < 0) {
            throw new IllegalArgumentException("a quota is zero or more");
        }
    }

    /** No quota at all; nothing is read. */
    public static StorageQuota unlimited() {
        return new StorageQuota(() -> 0, UNLIMITED);
    }

    /**
     * Admits {@code incomingBytes} more bytes of files into the bound vault. Call inside the vault scope, before
     * storing any of them.
     *
     * @throws LimitExceededException {@code vault.quota-exceeded} (413) when they would take the vault over its quota
     */
    public void admit(long incomingBytes) {
        if (maxBytes == UNLIMITED) {
            return;
        }
        long total = stored.total();
        if (incomingBytes > maxBytes - total) {
            throw new LimitExceededException("vault.quota-exceeded", "storing this would take your files over the "
                    + "storage quota of " + maxBytes + " bytes (" + total + " bytes are stored); delete some first");
        }
    }
}
