package dev.researchvault.adapter.http.chat;

import io.micronaut.core.annotation.Nullable;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * The parts of a message posted as {@code multipart/form-data}, for the OpenAPI description only: {@link MultipartMessage}
 * reads the parts as they stream in, and nothing builds this record. {@code thumbnail.<n>} is a family of part names
 * that a schema cannot state; {@code thumbnail.0} stands for it.
 */
@Schema(name = "MultipartMessageRequest", description = "Any other part is refused (400 chat.invalid-multipart).")
record MultipartMessageRequest(
        @Schema(description = "user, assistant or system", requiredMode = Schema.RequiredMode.REQUIRED) String role,
        @Schema(description = "the message's text") @Nullable String content,
        @ArraySchema(arraySchema = @Schema(description = "file parts, repeatable, in index order: the n-th is file n; "
                + "a part's filename and Content-Type become the file's name and media type"),
                schema = @Schema(type = "string", format = "binary")) @Nullable List<byte[]> files,
        @Schema(name = "thumbnail.0", type = "string", format = "binary", description = "thumbnail.<n>: the thumbnail of "
                + "file n, for any n from 0 (thumbnail.0, thumbnail.1, …); its Content-Type is the thumbnail's media type")
        @Nullable byte[] thumbnail) {
}
