package dev.researchvault.adapter.http.chat;

import static dev.researchvault.adapter.http.research.PathIds.time;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.researchvault.adapter.http.usage.UsageJson;
import dev.researchvault.application.chat.NewAttachment;
import dev.researchvault.application.chat.PostMessageCommand;
import dev.researchvault.domain.FieldChecks;
import dev.researchvault.domain.RuleViolationException;
import dev.researchvault.domain.chat.ChatSummary;
import dev.researchvault.domain.chat.Message;
import dev.researchvault.domain.chat.MessageFile;
import dev.researchvault.domain.chat.MessageRole;
import dev.researchvault.domain.chat.MessageSource;
import dev.researchvault.domain.usage.TokenUsage;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Bodies of the chat endpoints; responses always carry every field. */
final class ChatMessages {

    private ChatMessages() {
    }

    @Serdeable
    record CreateChatRequest(@Nullable String title, @Nullable String agentId) {
    }

    /** A PATCH of a chat: a new title and/or the agent it belongs to now. */
    @Serdeable
    record UpdateChatRequest(@Nullable String title, @Nullable String agentId) {
    }

    /** A message posted as JSON; files carry their bytes in base64. */
    @Serdeable
    record PostMessageRequest(@Nullable String role, @Nullable String content, @Nullable List<FileRequest> files,
                              @Nullable String model, @Nullable List<SourceJson> sources, @Nullable UsageJson usage,
                              @Nullable Map<String, Object> metadata) {

        /** The message to post; every refused part (role, files, sources, usage, then the command's own) is named at once. */
        PostMessageCommand command() {
            FieldChecks fields = new FieldChecks();
            MessageRole parsedRole = fields.check("role", () -> MessageRole.fromWire(role));
            List<NewAttachment> decoded = fields.check("files", () -> JsonFiles.decode(files));
            List<MessageSource> sourceList = fields.check("sources", this::sourceList);
            TokenUsage tokens = fields.check("usage", () -> UsageJson.toUsage(usage));
            return checked(fields, new PostMessageCommand(parsedRole, content, decoded, model, sourceList, tokens,
                    metadata));
        }

        List<MessageSource> sourceList() {
            return sources == null ? null : sources.stream().map(SourceJson::toSource).toList();
        }
    }

    /**
     * {@code command} once its own checks have run after those of the parts the adapter parsed ({@code parsed}),
     * so one answer names every refused part.
     */
    static PostMessageCommand checked(FieldChecks parsed, PostMessageCommand command) {
        parsed.checkAll("content", command::requireValid);
        parsed.requireNone();
        return command;
    }

    /** A PATCH of a message: its new content. */
    @Serdeable
    record EditMessageRequest(@Nullable String content) {
    }

    /** Where part of a message came from, as it travels both ways. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record SourceJson(@Nullable String title, @Nullable String url, @Nullable String snippet, @Nullable String researchId,
                      @Nullable String resourceId) {

        MessageSource toSource() {
            return new MessageSource(title, url, snippet, optionalId(researchId), optionalId(resourceId));
        }

        static SourceJson of(MessageSource source) {
            return new SourceJson(source.title(), source.url(), source.snippet(), text(source.researchId()),
                    text(source.resourceId()));
        }

        private static UUID optionalId(String id) {
            if (id == null) {
                return null;
            }
            try {
                return UUID.fromString(id);
            } catch (IllegalArgumentException notAnId) {
                throw new RuleViolationException("chat.invalid-source", "a source's researchId and resourceId must be UUIDs");
            }
        }
    }

    /**
     * A file of a JSON post. {@code data} and {@code thumbnail} are base64 (plain, with line breaks, or a
     * {@code data:} URL). {@code thumbnailMime} is an extension of API.md; without it the thumbnail's media
     * type comes from its data URL or its first bytes (PNG, JPEG, GIF, WebP). {@code uploadId} names an earlier
     * upload ({@code POST /api/v1/uploads}) instead of bytes; {@code name} is then optional.
     */
    @Serdeable
    record FileRequest(@Nullable String name, @Nullable String mime, @Nullable String data, @Nullable String thumbnail,
                       @Nullable String thumbnailMime, @Nullable String uploadId) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record ChatResponse(String id, String title, String createdAt, String updatedAt, long messageCount,
                        String agentId, String agentName) {

        static ChatResponse of(ChatSummary summary) {
            return new ChatResponse(summary.chat().id().toString(), summary.chat().title(),
                    time(summary.chat().createdAt()), time(summary.chat().updatedAt()), summary.messageCount(),
                    text(summary.chat().agentId()), summary.chat().agentName());
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record FileResponse(int index, String name, String mime, long size, boolean hasThumbnail) {

        static FileResponse of(MessageFile file) {
            return new FileResponse(file.index(), file.name(), file.mime(), file.size(), file.hasThumbnail());
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record MessageResponse(String id, String chatId, String role, String content, List<FileResponse> files,
                           String createdAt, String model, List<SourceJson> sources, UsageJson usage,
                           Map<String, Object> metadata, String editedAt) {

        static MessageResponse of(Message message) {
            return new MessageResponse(message.id().toString(), message.chatId().toString(), message.role().wireName(),
                    message.content(), message.files().stream().map(FileResponse::of).toList(),
                    time(message.createdAt()), message.model(), message.sources().stream().map(SourceJson::of).toList(),
                    UsageJson.of(message.usage()), message.metadata(), time(message.editedAt()));
        }
    }

    private static String text(UUID id) {
        return id == null ? null : id.toString();
    }
}
