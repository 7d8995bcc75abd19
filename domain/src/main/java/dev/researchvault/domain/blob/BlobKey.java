package dev.researchvault.domain.blob;

import dev.researchvault.domain.RuleViolationException;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a message's file lives in the blob store: {@code <messageId>/<index>} for the file itself and
 * {@code <messageId>/<index>.thumb} for its thumbnail. The text form is canonical (lower-case UUID, index
 * without sign or leading zeros), so a key and its {@link #value()} map one to one.
 */
public record BlobKey(UUID messageId, int index, boolean thumbnail) {

    private static final String THUMBNAIL_SUFFIX = ".thumb";
    private static final Pattern FORM = Pattern.compile("([0-9a-f-]{36})/(0|[1-9][0-9]{0,9})(\\.thumb)?");

    public BlobKey {
        Objects.requireNonNull(messageId, "messageId");
        if (index < 0) {
            throw new RuleViolationException("blob.invalid-key", "a file index is zero or more");
        }
    }

    /** The key of file {@code index} of message {@code messageId}. */
    public static BlobKey file(UUID messageId, int index) {
        return new BlobKey(messageId, index, false);
    }

    /** The key of the thumbnail of file {@code index} of message {@code messageId}. */
    public static BlobKey thumbnail(UUID messageId, int index) {
        return new BlobKey(messageId, index, true);
    }

    /** This file's thumbnail key (itself when it already is one). */
    public BlobKey thumbnailKey() {
        return thumbnail(messageId, index);
    }

    /**
     * Reads the text form back.
     *
     * @throws RuleViolationException ({@code blob.invalid-key}) when {@code value} is not a canonical key
     */
    public static BlobKey parse(String value) {
        Matcher form = FORM.matcher(Objects.requireNonNull(value, "value"));
        if (!form.matches()) {
            throw invalid();
        }
        UUID messageId = parseUuid(form.group(1));
        long index = Long.parseLong(form.group(2));
        if (index > Integer.MAX_VALUE) {
            throw invalid();
        }
        return new BlobKey(messageId, (int) index, form.group(3) != null);
    }

    /**
     * The prefix every key of message {@code messageId} starts with, files and thumbnails alike; for
     * {@link BlobStore#deleteByPrefix}. The trailing slash keeps one message's prefix from matching another.
     */
    public static String prefixOf(UUID messageId) {
        return messageId + "/";
    }

    /** The text form stored in the database. */
    public String value() {
        return prefixOf(messageId) + index + (thumbnail ? THUMBNAIL_SUFFIX : "");
    }

    @Override
    public String toString() {
        return value();
    }

    private static UUID parseUuid(String text) {
        try {
            UUID uuid = UUID.fromString(text);
            // UUID.fromString also takes upper case and short groups; only the canonical form is a key.
            if (uuid.toString().equals(text)) {
                return uuid;
            }
        } catch (IllegalArgumentException notUuid) {
            // reported below, without echoing the input
        }
        throw invalid();
    }

    private static RuleViolationException invalid() {
        return new RuleViolationException("blob.invalid-key", "not a file key of the form <messageId>/<index>[.thumb]");
    }
}
