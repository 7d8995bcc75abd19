package dev.researchvault.adapter.persistence.chat;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.researchvault.application.blob.LegacyMessageFiles.LegacyFile;
import dev.researchvault.application.blob.LegacyMessageFiles.MigratedFile;
import dev.researchvault.domain.chat.MessageFile;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * One element of a message's {@code files} JSON array; its own type so the stored JSON does not follow
 * domain renames. Current rows hold metadata only ({@code index, name, mime, size, hasThumbnail}). Rows in
 * the legacy form hold base64 {@code data} and {@code thumbnail} instead, and may lack the metadata
 * (hence the boxed, nullable fields), until the legacy migration rewrites them.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
record FileJson(@Nullable Integer index, @Nullable String name, @Nullable String mime, @Nullable Long size,
                @Nullable Boolean hasThumbnail, @Nullable String data, @Nullable String thumbnail) {

    static FileJson of(MessageFile file) {
        return new FileJson(file.index(), file.name(), file.mime(), file.size(), file.hasThumbnail(), null, null);
    }

    static FileJson of(MigratedFile file) {
        return new FileJson(file.index(), file.name(), file.mime(), file.size(), file.hasThumbnail(), null, null);
    }

    /** Whether the bytes are still in the row (legacy form). */
    boolean inline() {
        return data != null;
    }

    /** The index, or for a legacy element without one its position in the array. */
    int indexOr(int position) {
        return index != null ? index : position;
    }

    /**
     * The metadata; for a legacy element the size is computed from the base64 text (what the migration
     * will find for valid base64).
     */
    MessageFile toFile(int position) {
        long knownSize = size != null ? size : inline() ? decodedSize(data) : 0;
        boolean thumb = hasThumbnail != null ? hasThumbnail : thumbnail != null;
        return new MessageFile(indexOr(position), name, mime, knownSize, thumb);
    }

    LegacyFile toLegacy(int position) {
        return new LegacyFile(indexOr(position), name, mime, data, thumbnail);
    }

    /** Decoded length of base64 text, data URL prefix and line breaks skipped, without decoding it. */
    private static long decodedSize(String base64) {
        int comma = base64.indexOf(',');
        int start = base64.startsWith("data:") && comma > 0 ? comma + 1 : 0;
        long symbols = 0;
        long padding = 0;
        for (int i = start; i < base64.length(); i++) {
            char c = base64.charAt(i);
            if (c == '=') {
                padding++;
            } else if (!Character.isWhitespace(c)) {
                symbols++;
            }
        }
        return (symbols + padding) / 4 * 3 - padding;
    }
}
