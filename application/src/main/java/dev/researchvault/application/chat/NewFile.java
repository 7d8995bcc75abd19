package dev.researchvault.application.chat;

import dev.researchvault.domain.RuleViolationException;
import dev.researchvault.domain.Texts;
import dev.researchvault.domain.blob.BlobInfo;
import java.util.Objects;

/**
 * A file posted with a message, bytes included. The arrays are not copied (a file can be tens of MiB):
 * the caller hands them over.
 *
 * @param thumbnailMime media type of {@code thumbnail}; both are null when the file has no thumbnail
 */
public record NewFile(String name, String mime, byte[] data, String thumbnailMime, byte[] thumbnail) implements NewAttachment {

    public static final int MAX_NAME_LENGTH = 255;

    /**
     * @throws RuleViolationException {@code chat.invalid-file-name} for a blank or too long name,
     *                                {@code blob.invalid-mime} for a bad media type
     */
    public NewFile {
        Texts.required(name, MAX_NAME_LENGTH, "chat.invalid-file-name", "file name");
        BlobInfo.requireValidMime(mime);
        Objects.requireNonNull(data, "data");
        if (thumbnail != null) {
            BlobInfo.requireValidMime(thumbnailMime);
        }
    }

    /** A file without thumbnail. */
    public static NewFile of(String name, String mime, byte[] data) {
        return new NewFile(name, mime, data, null, null);
    }

    public boolean hasThumbnail() {
        return thumbnail != null;
    }
}
