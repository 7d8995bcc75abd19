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
     * The metadata; for a legacy element the size is computed from the base64 length (exact for plain
     * base64, which is what the migration will find).
     */
    MessageFile toFile(int position) {
        long knownSize = size != null ? size : inline() ? approximateDecodedSize(data) : 0;
        boolean thumb = hasThumbnail != null ? hasThumbnail : thumbnail != null;
        return new MessageFile(indexOr(position), name, mime, knownSize, thumb);
    }

    LegacyFile toLegacy(int position) {
        return new LegacyFile(indexOr(position), name, mime, data, thumbnail);
    }

    private static long approximateDecodedSize(String base64) {
        int comma = base64.indexOf(',');
        int length = base64.length() - (base64.startsWith("data:") && comma > 0 ? comma + 1 : 0);
        int padding = base64.endsWith("==") ? 2 : base64.endsWith("=") ? 1 : 0;
        return Math.max(0, length / 4L * 3 - padding);
    }
}
