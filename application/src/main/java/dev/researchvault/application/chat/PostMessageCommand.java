package dev.researchvault.application.chat;

import dev.researchvault.domain.chat.MessageRole;
import java.util.List;

/**
 * Input of {@link ManageChatsUseCase#post}.
 *
 * @param files the files posted with the message, in index order (index = position in the list)
 */
public record PostMessageCommand(MessageRole role, String content, List<NewFile> files) {

    public PostMessageCommand {
        files = files == null ? List.of() : List.copyOf(files);
    }
}
