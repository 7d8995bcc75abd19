package dev.researchvault.adapter.http.document;

import io.micronaut.core.annotation.Nullable;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The parts of a document upload ({@code multipart/form-data}), for the OpenAPI description only: {@link DocumentUpload}
 * reads the parts as they stream in, and nothing builds this record.
 */
@Schema(name = "DocumentUploadRequest", description = "Each part at most once; any other part is refused "
        + "(400 document.invalid-multipart).")
record DocumentUploadRequest(
        @Schema(type = "string", format = "binary", requiredMode = Schema.RequiredMode.REQUIRED,
                description = "the file; its filename and Content-Type become the document's name and media type")
        byte[] file,
        @Schema(description = "title (default: the file name)") @Nullable String title,
        @Schema(description = "authors, as one text") @Nullable String authors,
        @Schema(description = "year of publication, a whole number") @Nullable String year,
        @Schema(description = "where the document comes from, an http or https URL") @Nullable String sourceUrl) {
}
