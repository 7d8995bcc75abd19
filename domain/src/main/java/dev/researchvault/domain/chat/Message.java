package dev.researchvault.domain.chat;

import dev.researchvault.domain.Texts;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** A message of a chat: its text and the metadata of its files (their bytes are in the blob store). */
public record Message(UUID id, UUID chatId, MessageRole role, String content, List<MessageFile> files,
                      Instant createdAt) {

    public static final int MAX_CONTENT_LENGTH = 1_000_000;

    public Message {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(chatId, "chatId");
        Objects.requireNonNull(role, "role");
        Texts.bounded(Objects.requireNonNullElse(content, ""), MAX_CONTENT_LENGTH, "chat.invalid-content", "content");
        content = content == null ? "" : content;
        files = files == null ? List.of() : List.copyOf(files);
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
