package dev.researchvault.adapter.http.chat;

import io.micronaut.http.annotation.Status;
import io.micronaut.http.HttpStatus;
import dev.researchvault.adapter.http.openapi.SessionRequired;
import dev.researchvault.adapter.http.chat.ChatMessages.EditMessageRequest;
import dev.researchvault.adapter.http.chat.ChatMessages.MessageResponse;
import dev.researchvault.adapter.http.problem.Problem;
import dev.researchvault.adapter.http.research.PathIds;
import dev.researchvault.adapter.http.session.CurrentSession;
import dev.researchvault.application.account.Session;
import dev.researchvault.application.chat.EditMessagesUseCase;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Patch;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.UUID;

/** Single messages: {@code /api/v1/messages/{id}} (their files are served by {@link MessageFileController}). */
@Controller("/api/v1/messages")
@SessionRequired
@ExecuteOn(TaskExecutors.BLOCKING)
record MessageController(EditMessagesUseCase messages) {

    static final String NOT_FOUND = "chat.message-not-found";

    /** Replaces the content; files, model, sources and usage stay, {@code editedAt} records when. */
    @ApiResponse(responseCode = "400", description = "chat.empty-message: no content and no files; chat.invalid-content",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "404", description = "chat.message-not-found",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Patch("/{id}")
    public MessageResponse edit(@CurrentSession Session session, String id, @Body EditMessageRequest body) {
        return MessageResponse.of(messages.edit(session, messageId(id), body.content()));
    }

    /** Deletes the message, then the bytes of its files. */
    @ApiResponse(responseCode = "404", description = "chat.message-not-found",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Status(HttpStatus.NO_CONTENT)
    @Delete("/{id}")
    public HttpResponse<Void> delete(@CurrentSession Session session, String id) {
        messages.delete(session, messageId(id));
        return HttpResponse.noContent();
    }

    private static UUID messageId(String id) {
        return PathIds.parse(id, NOT_FOUND);
    }
}
