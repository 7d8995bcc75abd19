package dev.researchvault.adapter.http.chat;

import dev.researchvault.adapter.http.openapi.FileDownloadAnswers;
import dev.researchvault.adapter.http.openapi.SessionRequired;
import dev.researchvault.adapter.http.file.FileRequest;
import dev.researchvault.adapter.http.file.FileResponses;
import dev.researchvault.adapter.http.research.PathIds;
import dev.researchvault.adapter.http.session.CurrentSession;
import dev.researchvault.application.account.Session;
import dev.researchvault.application.chat.ReadMessageFilesUseCase;
import dev.researchvault.domain.NotFoundException;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.RequestBean;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Downloads of message files and thumbnails: {@code /api/v1/messages/{id}/files/{index}[/thumbnail]}. The
 * bytes are streamed from what the blob store hands out; a matching {@code If-None-Match} answers 304
 * without reading them.
 */
@Controller("/api/v1/messages/{id}/files/{index}")
@SessionRequired
@ExecuteOn(TaskExecutors.BLOCKING)
record MessageFileController(ReadMessageFilesUseCase files) {

    // Canonical, within int range (at most 10 digits, checked below): anything else names no file.
    private static final Pattern INDEX = Pattern.compile("0|[1-9][0-9]{0,9}");

    /** The file's bytes with its stored media type, length and a strong ETag. */
    @FileDownloadAnswers
    @Get(produces = MediaType.ALL)
    public HttpResponse<?> file(@CurrentSession Session session, String id, String index,
                                @RequestBean FileRequest request) {
        return FileResponses.of(files.download(session, messageId(id), index(index), false, request.ifNoneMatch()),
                request);
    }

    /** The thumbnail of the file; 404 when it has none. */
    @FileDownloadAnswers
    @Get(uri = "/thumbnail", produces = MediaType.ALL)
    public HttpResponse<?> thumbnail(@CurrentSession Session session, String id, String index,
                                     @RequestBean FileRequest request) {
        return FileResponses.of(files.download(session, messageId(id), index(index), true, request.ifNoneMatch()),
                request);
    }

    private static UUID messageId(String id) {
        return PathIds.parse(id, "file.not-found");
    }

    private static int index(String text) {
        if (!INDEX.matcher(text).matches() || Long.parseLong(text) > Integer.MAX_VALUE) {
            throw new NotFoundException("file.not-found", "no such resource");
        }
        return Integer.parseInt(text);
    }
}
