package dev.researchvault.adapter.http.openapi;

import dev.researchvault.adapter.http.problem.Problem;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * OpenAPI: the answers of a file download ({@code FileResponses}): the stored bytes with their stored media type
 * (any), one byte range of them, 304 on a current {@code If-None-Match}, 416 for a range outside the file.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@ApiResponse(responseCode = "200", description = "The bytes, as the media type they were stored with",
        headers = {@Header(name = "ETag", schema = @Schema(type = "string")),
                   @Header(name = "Accept-Ranges", schema = @Schema(type = "string"))},
        content = @Content(mediaType = "*/*", schema = @Schema(type = "string", format = "binary")))
@ApiResponse(responseCode = "206", description = "The one byte range asked for (Range), named in Content-Range",
        headers = {@Header(name = "ETag", schema = @Schema(type = "string")),
                   @Header(name = "Content-Range", schema = @Schema(type = "string"))},
        content = @Content(mediaType = "*/*", schema = @Schema(type = "string", format = "binary")))
@ApiResponse(responseCode = "304", description = "If-None-Match named the current ETag: no body")
@ApiResponse(responseCode = "404", description = "file.not-found: no such file (or thumbnail) of the caller's",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@ApiResponse(responseCode = "416", description = "file.range-not-satisfiable: the range lies outside the file "
        + "(Content-Range: bytes */<size>)",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public @interface FileDownloadAnswers {
}
