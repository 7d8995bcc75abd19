package dev.researchvault.adapter.http.chat;

import dev.researchvault.adapter.http.chat.ChatMessages.FileRequest;
import dev.researchvault.application.blob.LegacyBase64;
import dev.researchvault.application.chat.NewFile;
import dev.researchvault.domain.RuleViolationException;
import java.util.List;

/** The files of a JSON message post, decoded from base64. */
final class JsonFiles {

    private JsonFiles() {
    }

    /**
     * @throws RuleViolationException {@code chat.invalid-file-data} for missing or non-base64 bytes, and
     *         what {@link NewFile} refuses
     */
    static List<NewFile> decode(List<FileRequest> files) {
        return files == null ? List.of() : files.stream().map(JsonFiles::decode).toList();
    }

    private static NewFile decode(FileRequest file) {
        if (file == null || file.data() == null) {
            throw invalidData();
        }
        byte[] data = base64(file.data()).bytes();
        if (file.thumbnail() == null) {
            return new NewFile(file.name(), file.mime(), data, null, null);
        }
        LegacyBase64.Decoded thumbnail = base64(file.thumbnail());
        String thumbnailMime = file.thumbnailMime() != null ? file.thumbnailMime() : LegacyBase64.thumbnailMime(thumbnail);
        return new NewFile(file.name(), file.mime(), data, thumbnailMime, thumbnail.bytes());
    }

    private static LegacyBase64.Decoded base64(String text) {
        try {
            // The same lenient reading as for legacy rows: plain base64, line breaks, or a data: URL.
            return LegacyBase64.decode(text);
        } catch (RuleViolationException notBase64) {
            throw invalidData();
        }
    }

    private static RuleViolationException invalidData() {
        return new RuleViolationException("chat.invalid-file-data", "each file needs its bytes as base64 in data");
    }
}
