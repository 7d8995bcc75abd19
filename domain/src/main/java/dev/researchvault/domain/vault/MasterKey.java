package dev.researchvault.domain.vault;

import java.security.MessageDigest;
import java.util.Arrays;

/**
 * The 32-byte key derived from a user's password. Lives only in the session store while the user has a
 * session, and is wiped ({@link #destroy()}) when the last one ends. Never printed.
 */
public final class MasterKey {

    public static final int LENGTH = 32;

    private final byte[] bytes;
    private volatile boolean destroyed;

    public MasterKey(byte[] bytes) {
        if (bytes.length != LENGTH) {
            throw new IllegalArgumentException("a master key has " + LENGTH + " bytes");
        }
        this.bytes = bytes.clone();
    }

    /**
     * A copy of the key bytes; the caller wipes the copy after use.
     *
     * @throws dev.researchvault.domain.UnauthenticatedException {@code session.invalid} once the key is destroyed
     */
    public byte[] copyBytes() {
        if (destroyed) {
            // Keys are destroyed when their last session ends (logout, password change, deletion, expiry): a
            // request still holding one belongs to a session that is over.
            throw new dev.researchvault.domain.UnauthenticatedException("session.invalid",
                    "the session is no longer valid; log in again");
        }
        return bytes.clone();
    }

    /** Constant-time comparison, so timing does not reveal how much of a guess was right. */
    public boolean sameAs(MasterKey other) {
        return !destroyed && !other.destroyed && MessageDigest.isEqual(bytes, other.bytes);
    }

    public boolean isDestroyed() {
        return destroyed;
    }

    /** Overwrites the key in memory. Idempotent. */
    public void destroy() {
        destroyed = true;
        Arrays.fill(bytes, (byte) 0);
    }

    @Override
    public String toString() {
        return "MasterKey[hidden]";
    }
}
