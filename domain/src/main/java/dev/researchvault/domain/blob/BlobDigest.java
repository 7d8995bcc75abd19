package dev.researchvault.domain.blob;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The SHA-256 of a blob's bytes, as 64 lower-case hex digits. Computed once when the blob is saved and
 * stored beside it, so a download can be validated (HTTP {@code ETag}) without reading or hashing the bytes.
 */
public record BlobDigest(String sha256Hex) {

    private static final Pattern HEX_64 = Pattern.compile("[0-9a-f]{64}");

    public BlobDigest {
        Objects.requireNonNull(sha256Hex, "sha256Hex");
        if (!HEX_64.matcher(sha256Hex).matches()) {
            throw new IllegalArgumentException("a SHA-256 digest is 64 lower-case hex digits");
        }
    }

    /** The digest of {@code bytes}. */
    public static BlobDigest of(byte[] bytes) {
        return new BlobDigest(HexFormat.of().formatHex(sha256().digest(bytes)));
    }

    /** A digest computed over bytes that arrive a part at a time (a file streamed in chunks). */
    public static Running running() {
        return new Running(sha256());
    }

    /** The SHA-256 of bytes seen so far; {@link #finish} once they have all been seen. */
    public static final class Running {

        private final MessageDigest digest;

        private Running(MessageDigest digest) {
            this.digest = digest;
        }

        /** Adds {@code length} bytes of {@code bytes} from {@code offset}. */
        public void update(byte[] bytes, int offset, int length) {
            digest.update(bytes, offset, length);
        }

        /** The digest of every byte added; the running digest is spent afterwards. */
        public BlobDigest finish() {
            return new BlobDigest(HexFormat.of().formatHex(digest.digest()));
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException impossible) {
            // Every Java platform must provide SHA-256 (MessageDigest's documentation).
            throw new IllegalStateException(impossible);
        }
    }
}
