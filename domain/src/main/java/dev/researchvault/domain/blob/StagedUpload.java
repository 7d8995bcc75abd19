package dev.researchvault.domain.blob;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * An upload received whole and kept until a message or document takes it ({@link BlobUploads#claim}) or it
 * expires.
 *
 * @param name the file name given with the upload, if any
 */
public record StagedUpload(UUID id, BlobInfo info, Optional<String> name, Instant expiresAt) {

    public StagedUpload {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(info, "info");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
