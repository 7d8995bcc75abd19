package dev.researchvault.application.blob;

import java.io.InputStream;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Input of {@link UploadFileUseCase#upload}.
 *
 * @param mime          the file's media type
 * @param name          the file's name, if the client gave one
 * @param announcedSize the size the client announced ({@code Content-Length}), if any: checked before any byte
 * @param content       the bytes, read to their end and not closed
 */
public record UploadFileCommand(String mime, Optional<String> name, OptionalLong announcedSize, InputStream content) {

    public UploadFileCommand {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(announcedSize, "announcedSize");
        Objects.requireNonNull(content, "content");
    }
}
