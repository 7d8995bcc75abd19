package dev.researchvault.application.chat;

import dev.researchvault.domain.FieldChecks;
import dev.researchvault.domain.RuleViolationException;
import dev.researchvault.domain.chat.Message;
import dev.researchvault.domain.chat.MessageRole;
import dev.researchvault.domain.chat.MessageSource;
import dev.researchvault.domain.usage.TokenUsage;
import java.util.List;
import java.util.Map;

/**
 * Input of {@link ManageChatsUseCase#post}.
 *
 * @param files    the files posted with the message, in index order (index = position in the list): bytes or uploads
 * @param model    the model that wrote the message, or null
 * @param sources  what the content drew on, or null for none
 * @param usage    the call's token usage, or null
 * @param metadata free JSON values kept with the message, or null for none
 */
public record PostMessageCommand(MessageRole role, String content, List<? extends NewAttachment> files, String model,
                                 List<MessageSource> sources, TokenUsage usage, Map<String, Object> metadata) {

    public PostMessageCommand {
        files = files == null ? List.of() : List.copyOf(files);
    }

    /** A message with text and files only. */
    public PostMessageCommand(MessageRole role, String content, List<? extends NewAttachment> files) {
        this(role, content, files, null, null, null, null);
    }

    /**
     * Checks every part a client writes, before any chat is read: a role, content or files, and what a message
     * holds ({@link Message#checkFields}).
     *
     * @throws RuleViolationException naming every refused part, with the first refusal's code
     */
    public void requireValid() {
        FieldChecks fields = new FieldChecks();
        fields.checkThat("role", () -> {
            if (role == null) {
                throw new RuleViolationException("chat.invalid-role", "role must be user, assistant or system");
            }
        });
        fields.checkThat("content", () -> {
            if (files.isEmpty() && (content == null || content.isBlank())) {
                throw new RuleViolationException("chat.empty-message", "a message needs content or files");
            }
        });
        fields.checkAll("content", () -> Message.checkFields(content, model, sources, metadata));
        fields.requireNone();
    }
}
