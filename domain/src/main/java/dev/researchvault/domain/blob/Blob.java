package dev.researchvault.domain.blob;

import java.util.Objects;

/**
 * A blob read whole: its metadata and its bytes. The array is the caller's to keep (the store holds no
 * reference to it); it is not copied again, since a blob can be tens of MiB.
 */
public record Blob(BlobInfo info, byte[] data) {

    public Blob {
        Objects.requireNonNull(info, "info");
        Objects.requireNonNull(data, "data");
    }
}
