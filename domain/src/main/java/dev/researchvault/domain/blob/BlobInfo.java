package dev.researchvault.domain.blob;

import dev.researchvault.domain.RuleViolationException;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What the store knows about a blob besides its bytes: the media type it was saved with, its length in
 * bytes and the digest of its bytes.
 *
 * @param mime   media type as given at save time, e.g. {@code image/png}; printable ASCII only, because it
 *               is sent back in a {@code Content-Type} header
 * @param size   number of bytes
 * @param digest SHA-256 of the bytes
 */
public record BlobInfo(String mime, long size, BlobDigest digest) {

    /** Longest media type accepted; real ones are far shorter. */
    public static final int MAX_MIME_LENGTH = 255;

    // Printable ASCII without control characters: a CR or LF here would split the response header.
    private static final Pattern PRINTABLE_ASCII = Pattern.compile("[\\x20-\\x7e]+");

    public BlobInfo {
        Objects.requireNonNull(digest, "digest");
        requireValidMime(mime);
        if (size < 0) {
            throw new IllegalArgumentException("a size is zero or more");
        }
    }

    /**
     * Checks a media type before anything is stored.
     *
     * @throws RuleViolationException ({@code blob.invalid-mime}) when blank, too long or not printable ASCII
     */
    public static String requireValidMime(String mime) {
        if (mime == null || mime.isBlank() || mime.length() > MAX_MIME_LENGTH || !PRINTABLE_ASCII.matcher(mime).matches()) {
            throw new RuleViolationException("blob.invalid-mime",
                    "a media type is 1 to " + MAX_MIME_LENGTH + " printable ASCII characters");
        }
        return mime;
    }
}
