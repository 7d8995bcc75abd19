package dev.researchvault.adapter.http.chat;

import dev.researchvault.adapter.http.chat.ChatMessages.FileRequest;
import dev.researchvault.adapter.http.research.PathIds;
import dev.researchvault.application.blob.LegacyBase64;
import dev.researchvault.application.chat.NewAttachment;
import dev.researchvault.application.chat.NewFile;
import dev.researchvault.application.chat.UploadedFile;
import dev.researchvault.domain.RuleViolationException;
import java.util.List;
import java.util.Optional;

/** The files of a JSON message post: bytes decoded from base64, or the id of an earlier upload. */
final class JsonFiles {

    private JsonFiles() {
    }

    /**
     * @throws RuleViolationException {@code chat.invalid-file-data} for missing or non-base64 bytes, or bytes and an
     *         upload id together; {@code chat.invalid-upload-id} for a malformed upload id; what {@link NewFile} refuses
     */
    static List<NewAttachment> decode(List<FileRequest> files) {
        return files == null ? List.of() : files.stream().map(JsonFiles::decode).toList();
    }

    private static NewAttachment decode(FileRequest file) {
        if (file != null && file.uploadId() != null) {
            return uploaded(file);
        }
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

    /** A file that names an upload carries nothing of its own but an optional name. */
    private static UploadedFile uploaded(FileRequest file) {
        if (file.data() != null || file.thumbnail() != null || file.mime() != null || file.thumbnailMime() != null) {
            throw new RuleViolationException("chat.invalid-file-data",
                    "a file with an uploadId takes its bytes and media type from the upload: no data, thumbnail or mime");
        }
        return new UploadedFile(PathIds.parseReference(file.uploadId(), "chat.invalid-upload-id"), Optional.ofNullable(file.name()));
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
