package dev.researchvault.application.chat;

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
}
