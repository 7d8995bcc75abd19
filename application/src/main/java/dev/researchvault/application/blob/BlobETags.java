package dev.researchvault.application.blob;

import dev.researchvault.domain.blob.BlobDigest;
import dev.researchvault.domain.blob.BlobInfo;

/**
 * HTTP entity tags for blob downloads. The tag is strong and derived from the SHA-256 stored with the blob
 * ({@link BlobDigest}, computed once at save), so answering a conditional request costs one metadata read
 * ({@code BlobStore.info}) and no hashing: equal bytes give equal tags, whatever the key or time of saving.
 */
public final class BlobETags {

    private BlobETags() {
    }

    /** The strong entity tag, quotes included: {@code "<64 hex digits of SHA-256>"}. */
    public static String of(BlobInfo info) {
        return of(info.digest());
    }

    /** The strong entity tag of {@code digest}, quotes included. */
    public static String of(BlobDigest digest) {
        return '"' + digest.sha256Hex() + '"';
    }

    /**
     * Whether an {@code If-None-Match} header value names {@code etag}, so the answer is 304 Not Modified.
     * Follows RFC 9110 section 13.1.2: {@code *} matches any stored blob, the list is comma-separated, and
     * comparison is weak ({@code W/"x"} matches {@code "x"}). A null or blank header matches nothing;
     * malformed members are ignored rather than refused.
     */
    public static boolean noneMatchHits(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        if (ifNoneMatch.strip().equals("*")) {
            return true;
        }
        String wanted = opaqueTag(etag);
        for (String member : ifNoneMatch.split(",")) {
            if (opaqueTag(member.strip()).equals(wanted)) {
                return true;
            }
        }
        return false;
    }

    /** The quoted part of a tag without its weakness marker. */
    private static String opaqueTag(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }
}
