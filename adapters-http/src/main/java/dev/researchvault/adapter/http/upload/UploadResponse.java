package dev.researchvault.adapter.http.upload;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.researchvault.adapter.http.research.PathIds;
import dev.researchvault.domain.blob.StagedUpload;
import io.micronaut.serde.annotation.Serdeable;

/** An upload waiting to be taken: what {@code POST /api/v1/uploads} answers. {@code name} is null when none was given. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
record UploadResponse(String uploadId, String mime, String name, long size, String sha256, String expiresAt) {

    static UploadResponse of(StagedUpload upload) {
        return new UploadResponse(upload.id().toString(), upload.info().mime(), upload.name().orElse(null),
                upload.info().size(), upload.info().digest().sha256Hex(), PathIds.time(upload.expiresAt()));
    }
}
