package dev.researchvault.application.chat;

import dev.researchvault.domain.chat.MessageFile;
import dev.researchvault.domain.chat.MessageRole;
import java.util.List;

/**
 * Input of {@link ManageChatsUseCase#post}.
 *
 * @param files metadata of files whose bytes the caller has stored (empty until blobs are wired in)
 */
public record PostMessageCommand(MessageRole role, String content, List<MessageFile> files) {
}
