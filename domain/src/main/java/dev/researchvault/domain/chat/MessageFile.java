package dev.researchvault.domain.chat;

/**
 * What a message says about one of its files; the bytes live in the blob store under
 * {@code <messageId>/<index>} (and {@code <messageId>/<index>.thumb} when {@code hasThumbnail}).
 */
public record MessageFile(int index, String name, String mime, long size, boolean hasThumbnail) {
}
