package dev.researchvault.adapter.http.chat;

import static dev.researchvault.adapter.http.research.PathIds.time;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.researchvault.domain.chat.ChatSummary;
import dev.researchvault.domain.chat.Message;
import dev.researchvault.domain.chat.MessageFile;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** Bodies of the chat endpoints; responses always carry every field. */
final class ChatMessages {

    private ChatMessages() {
    }

    @Serdeable
    record CreateChatRequest(@Nullable String title) {
    }

    /** A message posted as JSON; files carry their bytes in base64. */
    @Serdeable
    record PostMessageRequest(@Nullable String role, @Nullable String content, @Nullable List<FileRequest> files) {
    }

    /**
     * A file of a JSON post. {@code data} and {@code thumbnail} are base64 (plain, with line breaks, or a
     * {@code data:} URL). {@code thumbnailMime} is an extension of API.md; without it the thumbnail's media
     * type comes from its data URL or its first bytes (PNG, JPEG, GIF, WebP).
     */
    @Serdeable
    record FileRequest(@Nullable String name, @Nullable String mime, @Nullable String data, @Nullable String thumbnail,
                       @Nullable String thumbnailMime) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record ChatResponse(String id, String title, String createdAt, String updatedAt, long messageCount) {

        static ChatResponse of(ChatSummary summary) {
            return new ChatResponse(summary.chat().id().toString(), summary.chat().title(),
                    time(summary.chat().createdAt()), time(summary.chat().updatedAt()), summary.messageCount());
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
                           String createdAt) {

        static MessageResponse of(Message message) {
            return new MessageResponse(message.id().toString(), message.chatId().toString(), message.role().wireName(),
                    message.content(), message.files().stream().map(FileResponse::of).toList(),
                    time(message.createdAt()));
        }
    }
}
