package dev.researchvault.domain.writing;

import dev.researchvault.domain.Texts;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A writing session: a titled workspace holding {@link Draft drafts}, optionally started from a chat.
 *
 * @param chatId the chat it was started from, or null (none, or the chat was deleted since)
 */
public record WritingSession(UUID id, String title, UUID chatId, Instant createdAt, Instant updatedAt) {

    public static final int MAX_TITLE_LENGTH = 500;

    public WritingSession {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Texts.required(title, MAX_TITLE_LENGTH, "writing.invalid-title", "title");
    }

    public static WritingSession create(UUID id, String title, UUID chatId, Instant now) {
        return new WritingSession(id, title, chatId, now, now);
    }

    /** This session renamed and/or linked to another chat (null: unchanged), touched at {@code now}. */
    public WritingSession change(String newTitle, UUID newChatId, Instant now) {
        return new WritingSession(id, newTitle != null ? newTitle : title, newChatId != null ? newChatId : chatId,
                createdAt, now);
    }
}
