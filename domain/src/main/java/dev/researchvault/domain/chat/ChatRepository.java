package dev.researchvault.domain.chat;

import dev.researchvault.domain.vault.VaultBound;
import dev.researchvault.domain.Page;
import dev.researchvault.domain.PageRequest;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The chats of the bound user's vault and their messages. Errors of the storage itself surface as
 * unchecked exceptions of the adapter.
 */
@VaultBound
public interface ChatRepository {

    /** Stores a new chat. Not idempotent: the id must be new. */
    void add(Chat chat);

    /** The chat with this id and its message count, if any. */
    Optional<ChatSummary> find(UUID id);

    /**
     * Chats most recently updated first (ties: latest added first), each with its message count, sliced
     * by {@code page}; {@code total} counts all chats. The page's {@code next} is the cursor after its last
     * item when more chats follow. A cursor stays valid when its own chat is deleted or updated; a chat
     * updated during a walk moves before the cursor, so that walk does not show it again. Reads only.
     *
     * @throws dev.researchvault.domain.RuleViolationException {@code page.invalid-cursor} for a cursor
     *         that another list issued
     */
    Page<ChatSummary> list(PageRequest page);

    /**
     * As {@link #list(PageRequest)}, only the chats of agent {@code agentId}; {@code total} counts those.
     */
    Page<ChatSummary> listOfAgent(UUID agentId, PageRequest page);

    /** Replaces the chat's title, update time and agent link. No effect when there is no such chat. */
    void update(Chat chat);

    /** Unlinks the chats of a deleted agent ({@code agentId} becomes null; they keep the agent's name). */
    void detachAgent(UUID agentId);

    /** Deletes a chat and all its messages. Idempotent: answers whether something was deleted. */
    boolean delete(UUID id);

    /**
     * Stores a new message of an existing chat. Not idempotent. The service calls it with {@link #touch}
     * in one transaction, so the chat's {@code updatedAt} moves with its messages.
     */
    void addMessage(Message message);

    /** The message with this id, if any. */
    Optional<Message> findMessage(UUID id);

    /** Replaces the stored message of the same id (its content and edit time). */
    void updateMessage(Message message);

    /**
     * Deletes one message (its files are the caller's: they live in the blob store). Idempotent: answers whether
     * something was deleted.
     */
    boolean deleteMessage(UUID id);

    /**
     * The ids of every message of a chat, in no particular order (empty for an unknown chat): what a chat
     * deletion needs to find the blobs of its messages. Reads only.
     */
    List<UUID> messageIds(UUID chatId);

    /**
     * The ids among {@code ids} that are messages of this vault (of any chat); empty for an empty collection.
     * What tells the owners of blobs that are still referenced from those that are not
     * ({@link dev.researchvault.domain.blob.BlobOwners}). Reads only; callers pass bounded batches.
     */
    Set<UUID> existingMessages(Collection<UUID> ids);

    /** Messages of a chat oldest first (ties: earliest added first), sliced by {@code page}. */
    Page<Message> messages(UUID chatId, PageRequest page);

    /** Moves a chat's {@code updatedAt}; no effect when there is no such chat. Idempotent. */
    void touch(UUID chatId, Instant updatedAt);
}
