package dev.researchvault.adapter.http.chat;

import dev.researchvault.adapter.http.chat.ChatMessages.ChatResponse;
import dev.researchvault.adapter.http.chat.ChatMessages.CreateChatRequest;
import dev.researchvault.adapter.http.chat.ChatMessages.MessageResponse;
import dev.researchvault.adapter.http.chat.ChatMessages.PostMessageRequest;
import dev.researchvault.adapter.http.chat.ChatMessages.UpdateChatRequest;
import dev.researchvault.adapter.http.created.Created;
import dev.researchvault.adapter.http.openapi.NotFoundAnswer;
import dev.researchvault.adapter.http.openapi.SessionRequired;
import dev.researchvault.adapter.http.page.CursorPageResponse;
import dev.researchvault.adapter.http.page.CursorPaging;
import dev.researchvault.adapter.http.problem.Problem;
import dev.researchvault.adapter.http.research.PathIds;
import dev.researchvault.adapter.http.session.CurrentSession;
import dev.researchvault.application.account.Session;
import dev.researchvault.application.blob.FileSizeLimit;
import dev.researchvault.application.chat.ManageChatsUseCase;
import dev.researchvault.application.chat.PostMessageCommand;
import dev.researchvault.domain.FieldChecks;
import dev.researchvault.domain.PageRequest;
import dev.researchvault.domain.chat.Message;
import dev.researchvault.domain.chat.MessageRole;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.RequestBean;
import io.micronaut.http.annotation.Status;
import io.micronaut.http.server.multipart.MultipartBody;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.UUID;

/** Chats and their messages: {@code /api/v1/chats}. */
@Controller("/api/v1/chats")
@SessionRequired
@ExecuteOn(TaskExecutors.BLOCKING)
record ChatController(ManageChatsUseCase chats, FileSizeLimit fileSizeLimit) {

    /** A new chat, of the agent {@code agentId} when given. */
    @Post
    @Status(HttpStatus.CREATED)
    public HttpResponse<ChatResponse> create(@CurrentSession Session session, @Body CreateChatRequest body) {
        ChatResponse created = ChatResponse.of(chats.create(session, body.title(), agentId(body.agentId())));
        return Created.at(created, "/api/v1/chats", created.id());
    }

    /**
     * Most recently updated first, each with its message count: page {@code page}, or the chats after the
     * cursor {@code after}; {@code next} continues the list.
     *
     * @param paging  page or after, and size ({@link CursorPaging})
     */
    @ApiResponse(responseCode = "400", description = CursorPaging.ERRORS,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Get
    public CursorPageResponse<ChatResponse> list(@CurrentSession Session session, @RequestBean CursorPaging paging,
                                                 @QueryValue @Nullable String agentId) {
        PageRequest slice = paging.request();
        // A filter, not a path: a malformed id is a bad request, not an unknown agent.
        UUID agent = PathIds.parseReference(agentId, "request.invalid-parameter");
        return CursorPageResponse.of(agent == null ? chats.list(session, slice) : chats.listOfAgent(session, agent, slice),
                ChatResponse::of);
    }

    /** One chat. */
    @NotFoundAnswer
    @Get("/{id}")
    public ChatResponse get(@CurrentSession Session session, String id) {
        return ChatResponse.of(chats.get(session, chatId(id)));
    }

    /** Renames the chat and/or moves it to another agent. */
    @NotFoundAnswer
    @Patch("/{id}")
    public ChatResponse update(@CurrentSession Session session, String id, @Body UpdateChatRequest body) {
        return ChatResponse.of(chats.update(session, chatId(id), body.title(), agentId(body.agentId())));
    }

    /** Deletes the chat with its messages; its agent executions stay, detached from it. */
    @Status(HttpStatus.NO_CONTENT)
    @NotFoundAnswer
    @Delete("/{id}")
    public HttpResponse<Void> delete(@CurrentSession Session session, String id) {
        chats.delete(session, chatId(id));
        return HttpResponse.noContent();
    }

    /** A message as JSON, files in base64. 413 {@code file.too-large} above the file size limit. */
    @NotFoundAnswer
    @Post(uri = "/{id}/messages", consumes = MediaType.APPLICATION_JSON)
    @Status(HttpStatus.CREATED)
    public HttpResponse<MessageResponse> post(@CurrentSession Session session, String id, @Body PostMessageRequest body) {
        UUID chatId = chatId(id);
        return posted(chats.post(session, chatId, body.command()));
    }

    /**
     * A message as {@code multipart/form-data}: text parts {@code role}, {@code content}; file parts
     * {@code files} (repeatable, in index order) and {@code thumbnail.<n>} (thumbnail of file n).
     */
    @ApiResponse(responseCode = "400", description = "request.malformed-multipart: the body is not multipart/form-data "
            + "(no boundary parameter of 1 to 70 characters, no delimiter, a part without a form-data Content-Disposition, "
            + "no part); chat.invalid-multipart: a part other than role, content, files and thumbnail.<n>; "
            + "chat.invalid-role, chat.invalid-file-name, blob.invalid-mime", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "413", description = "file.too-large: a file or thumbnail above the file size limit; "
            + "request.too-large: the whole body above the request size limit", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @NotFoundAnswer
    @RequestBody(required = true, content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PostMessageRequest.class)),
            @Content(mediaType = MediaType.MULTIPART_FORM_DATA, schema = @Schema(implementation = MultipartMessageRequest.class))})
    @Post(uri = "/{id}/messages", consumes = MediaType.MULTIPART_FORM_DATA)
    @Status(HttpStatus.CREATED)
    public HttpResponse<MessageResponse> postMultipart(@CurrentSession Session session, String id, @Body MultipartBody body) {
        UUID chatId = chatId(id);
        MultipartMessage message = MultipartMessage.read(body, fileSizeLimit);
        // Role and content are named together when both are refused, as in a JSON post.
        FieldChecks fields = new FieldChecks();
        MessageRole role = fields.check("role", () -> MessageRole.fromWire(message.role()));
        PostMessageCommand command = ChatMessages.checked(fields, new PostMessageCommand(role, message.content(),
                message.files()));
        return posted(chats.post(session, chatId, command));
    }

    /**
     * Oldest first (a conversation reads top down): page {@code page}, or the messages after the cursor {@code after};
     * {@code next} continues with later messages, so a client loads a long chat slice by slice.
     */
    @ApiResponse(responseCode = "400", description = CursorPaging.ERRORS,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @NotFoundAnswer
    @Get("/{id}/messages")
    public CursorPageResponse<MessageResponse> messages(@CurrentSession Session session, String id,
                                                        @RequestBean CursorPaging paging) {
        return CursorPageResponse.of(chats.messages(session, chatId(id), paging.request()), MessageResponse::of);
    }

    private static UUID chatId(String id) {
        return PathIds.parse(id, "chat.not-found");
    }

    /** An agent named in a body: one that is not an id is as unknown as a missing one. */
    private static UUID agentId(String id) {
        return id == null ? null : PathIds.parse(id, "agent.not-found");
    }

    private static HttpResponse<MessageResponse> posted(Message message) {
        MessageResponse posted = MessageResponse.of(message);
        return Created.at(posted, "/api/v1/messages", posted.id());
    }
}
