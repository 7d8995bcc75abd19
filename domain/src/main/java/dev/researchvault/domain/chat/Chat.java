package dev.researchvault.domain.chat;

import dev.researchvault.domain.Texts;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A conversation. {@code updatedAt} moves with every message posted to it. */
public record Chat(UUID id, String title, Instant createdAt, Instant updatedAt) {

    public static final int MAX_TITLE_LENGTH = 500;

    public Chat {
        Objects.requireNonNull(id, "id");
        Texts.required(title, MAX_TITLE_LENGTH, "chat.invalid-title", "title");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    public static Chat create(UUID id, String title, Instant now) {
        return new Chat(id, title, now, now);
    }
}
