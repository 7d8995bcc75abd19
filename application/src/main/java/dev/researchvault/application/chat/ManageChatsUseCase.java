package dev.researchvault.application.chat;

import dev.researchvault.application.account.Session;
import dev.researchvault.domain.Page;
import dev.researchvault.domain.PageRequest;
import dev.researchvault.domain.chat.ChatSummary;
import dev.researchvault.domain.chat.Message;
import java.util.UUID;

/**
 * Chats of the calling user and their messages. Methods taking a chat id answer 404
 * {@code chat.not-found} when the caller has no such chat.
 */
public interface ManageChatsUseCase {

    /** Starts an empty chat. 400 for a blank or too long title. */
    default ChatSummary create(Session caller, String title) {
        return create(caller, title, null);
    }

    /** Starts an empty chat of agent {@code agentId} (none when null). 404 {@code agent.not-found}. */
    ChatSummary create(Session caller, String title, UUID agentId);

    /** The chat with its message count. */
    ChatSummary get(Session caller, UUID chatId);

    /**
     * The caller's chats, most recently updated first, each with its message count: a page by number or
     * the chats after a cursor, with the cursor of the next slice when more follow. 400
     * {@code page.invalid-cursor} for a cursor another list issued. Reads only.
     */
    Page<ChatSummary> list(Session caller, PageRequest page);

    /** As {@link #list(Session, PageRequest)}, only the chats of agent {@code agentId}. */
    Page<ChatSummary> listOfAgent(Session caller, UUID agentId, PageRequest page);

    /**
     * Renames the chat and/or moves it to another agent, together. 404 {@code chat.not-found} or
     * {@code agent.not-found}; 400 for a bad title.
     */
    ChatSummary update(Session caller, UUID chatId, String title, UUID agentId);

    /**
     * Deletes the chat, its messages and, once that is committed, the bytes of their files. Its agent
     * executions stay, detached from it.
     */
    void delete(Session caller, UUID chatId);

    /**
     * Posts a message and moves the chat's {@code updatedAt}, together. The files' bytes go to the blob
     * store first and the row, with their metadata, after; if the row cannot be written the bytes are
     * deleted again. 400 for an unknown role, or no content and no files; 413 {@code file.too-large} when a
     * file or thumbnail is above the configured limit (nothing is stored then).
     */
    Message post(Session caller, UUID chatId, PostMessageCommand command);

    /** The chat's messages, oldest first. */
    Page<Message> messages(Session caller, UUID chatId, PageRequest page);
}
