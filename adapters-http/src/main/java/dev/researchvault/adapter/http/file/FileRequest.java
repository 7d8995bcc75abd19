package dev.researchvault.adapter.http.file;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.annotation.Header;
import io.swagger.v3.oas.annotations.Parameter;

/**
 * The request headers of every file download, bound as one {@code @RequestBean}: the client's cached tag and the
 * part of the file it wants.
 *
 * @param ifNoneMatch tags of copies the client holds: 304 when one is current
 * @param range       {@code bytes=a-b}, {@code bytes=a-} or {@code bytes=-n}: 206 with that part
 * @param ifRange     the tag the range belongs to: a range of another version is ignored (the whole file is sent)
 */
@Introspected
public record FileRequest(
        @Parameter(description = "tags of copies the client holds; 304 when one is current")
        @Nullable @Header(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
        @Parameter(description = "one byte range (bytes=a-b, bytes=a-, bytes=-n): 206 with that part, 416 when it lies"
                + " outside the file; several ranges or another unit: the whole file")
        @Nullable @Header(HttpHeaders.RANGE) String range,
        @Parameter(description = "the ETag the range was taken from: when the file changed since, the whole file")
        @Nullable @Header(HttpHeaders.IF_RANGE) String ifRange) {
}
