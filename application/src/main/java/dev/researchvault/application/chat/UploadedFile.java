package dev.researchvault.application.chat;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A file of a new message that was uploaded before ({@code POST /api/v1/uploads}): the message takes the upload's
 * bytes without copying them.
 *
 * @param name the file's name in the message; the upload's own name when empty
 */
public record UploadedFile(UUID uploadId, Optional<String> name) implements NewAttachment {

    public UploadedFile {
        Objects.requireNonNull(uploadId, "uploadId");
        Objects.requireNonNull(name, "name");
    }
}
