package dev.researchvault.domain.chat;

import dev.researchvault.domain.FieldChecks;
import dev.researchvault.domain.JsonObjects;
import dev.researchvault.domain.JsonSize;
import dev.researchvault.domain.RuleViolationException;
import dev.researchvault.domain.Texts;
import dev.researchvault.domain.settings.JsonNesting;
import dev.researchvault.domain.usage.TokenUsage;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A message of a chat: its text and the metadata of its files (their bytes are in the blob store), and, for a
 * model's answer, the model, the sources it drew on and the tokens it cost. Messages written before these
 * existed read with none of them.
 *
 * @param sources  where the content came from, in the order the model cited them
 * @param usage    the call's token usage, or null
 * @param metadata free JSON values the client keeps with the message
 * @param editedAt when the content was last changed by {@code PATCH}, or null
 */
public record Message(UUID id, UUID chatId, MessageRole role, String content, List<MessageFile> files,
                      Instant createdAt, String model, List<MessageSource> sources, TokenUsage usage,
                      Map<String, Object> metadata, Instant editedAt) {

    public static final int MAX_CONTENT_LENGTH = 1_000_000;
    public static final int MAX_MODEL_LENGTH = 200;
    public static final int MAX_SOURCES = 200;
    /** Written out, metadata takes at most this many characters: notes about a message, not documents. */
    public static final int MAX_METADATA_CHARS = 64 * 1024;

    public Message {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(chatId, "chatId");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(createdAt, "createdAt");
        content = content == null ? "" : content;
        files = files == null ? List.of() : List.copyOf(files);
        sources = sources == null ? List.of() : List.copyOf(sources);
        metadata = JsonObjects.copyOf(metadata);
        checkFields(content, model, sources, metadata);
    }

    /**
     * Checks every part a client writes (content, model, sources, metadata), naming each refused one.
     *
     * @param sources  null for none
     * @param metadata null for none
     * @throws RuleViolationException for every refused part, with the first refusal's code
     */
    public static void checkFields(String content, String model, List<MessageSource> sources,
                                   Map<String, Object> metadata) {
        FieldChecks fields = new FieldChecks();
        fields.check("content", () -> Texts.bounded(Objects.requireNonNullElse(content, ""), MAX_CONTENT_LENGTH,
                "chat.invalid-content", "content"));
        fields.check("model", () -> Texts.bounded(model, MAX_MODEL_LENGTH, "chat.invalid-model", "model"));
        fields.checkThat("sources", () -> {
            if (sources != null && sources.size() > MAX_SOURCES) {
                throw new RuleViolationException("chat.invalid-source", "a message has at most " + MAX_SOURCES + " sources");
            }
        });
        fields.checkThat("metadata", () -> checkMetadata(metadata));
        fields.requireNone();
    }

    private static void checkMetadata(Map<String, Object> metadata) {
        if (JsonNesting.depthOfValue(metadata) > JsonNesting.MAX_DEPTH) {
            throw new RuleViolationException("chat.metadata-too-deep",
                    "metadata is nested deeper than " + JsonNesting.MAX_DEPTH + " levels of arrays and objects");
        }
        if (!JsonSize.atMost(metadata, MAX_METADATA_CHARS)) {
            throw new RuleViolationException("chat.metadata-too-large",
                    "metadata must take at most " + MAX_METADATA_CHARS + " characters as JSON");
        }
    }

    /** A message with text and files only, as every message was before models and sources were recorded. */
    public Message(UUID id, UUID chatId, MessageRole role, String content, List<MessageFile> files, Instant createdAt) {
        this(id, chatId, role, content, files, createdAt, null, List.of(), null, Map.of(), null);
    }

    /** This message with its content replaced at {@code now}; its files, sources and usage stay. */
    public Message edited(String newContent, Instant now) {
        if (files.isEmpty() && (newContent == null || newContent.isBlank())) {
            throw new RuleViolationException("chat.empty-message", "a message needs content or files");
        }
        return new Message(id, chatId, role, newContent, files, createdAt, model, sources, usage, metadata, now);
    }
}
