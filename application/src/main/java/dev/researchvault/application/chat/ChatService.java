package dev.researchvault.application.chat;

import dev.researchvault.application.account.Session;
import dev.researchvault.application.blob.PendingBlobOwners;
import dev.researchvault.application.blob.UploadLimits;
import dev.researchvault.application.events.ChangeEvents;
import dev.researchvault.application.events.ChangeFeed;
import dev.researchvault.application.vault.VaultWork;
import dev.researchvault.domain.NotFoundException;
import dev.researchvault.domain.Page;
import dev.researchvault.domain.PageRequest;
import dev.researchvault.domain.agent.Agent;
import dev.researchvault.domain.agent.AgentRepository;
import dev.researchvault.domain.agent.ExecutionRepository;
import dev.researchvault.domain.blob.BlobStore;
import dev.researchvault.domain.blob.BlobUploads;
import dev.researchvault.domain.chat.Chat;
import dev.researchvault.domain.chat.ChatRepository;
import dev.researchvault.domain.chat.ChatSummary;
import dev.researchvault.domain.chat.Message;
import dev.researchvault.domain.chat.MessageFile;
import dev.researchvault.domain.research.ResearchRepository;
import dev.researchvault.domain.writing.WritingRepository;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/** {@link ManageChatsUseCase} over the caller's vault. */
public final class ChatService implements ManageChatsUseCase {

    private final VaultWork vault;
    private final ChatRepository repository;
    private final AgentRepository agents;
    private final ExecutionRepository executions;
    private final ResearchRepository research;
    private final WritingRepository writing;
    private final MessageAttachments attachments;
    private final PendingBlobOwners pendingOwners;
    private final ChangeFeed events;
    private final Clock clock;

    /**
     * @param research      the research started from chats, unlinked from a deleted chat
     * @param writing       the writing sessions started from chats, unlinked likewise
     * @param pendingOwners shared with {@link dev.researchvault.application.blob.BlobReconciliation}
     */
    public ChatService(VaultWork vault, ChatRepository repository, AgentRepository agents,
                       ExecutionRepository executions, ResearchRepository research, WritingRepository writing,
                       BlobStore blobs, BlobUploads uploads, UploadLimits uploadLimits, PendingBlobOwners pendingOwners,
                       ChangeFeed events, Clock clock) {
        this.vault = vault;
        this.repository = repository;
        this.agents = agents;
        this.executions = executions;
        this.research = research;
        this.writing = writing;
        this.attachments = new MessageAttachments(blobs, uploads, uploadLimits);
        this.pendingOwners = pendingOwners;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public ChatSummary create(Session caller, String title, UUID agentId) {
        Instant now = now();
        Chat.create(UUID.randomUUID(), title, now); // the title's rules, before the vault is even opened
        // Every write runs in a transaction, which waits for the vault's writer turn (Transactions).
        return vault.inTransaction(caller, () -> {
            Chat chat = Chat.create(UUID.randomUUID(), title, agentId == null ? null : agent(agentId), now);
            repository.add(chat);
            return new ChatSummary(chat, 0);
        });
    }

    @Override
    public Page<ChatSummary> listOfAgent(Session caller, UUID agentId, PageRequest page) {
        return vault.inVault(caller, () -> repository.listOfAgent(agentId, page));
    }

    @Override
    public ChatSummary update(Session caller, UUID chatId, String title, UUID agentId) {
        Instant now = now();
        return vault.inTransaction(caller, () -> {
            ChatSummary current = repository.find(chatId).orElseThrow(ChatService::notFound);
            Chat changed = current.chat();
            if (title != null) {
                changed = changed.renamed(title, now);
            }
            if (agentId != null) {
                changed = changed.ofAgent(agent(agentId), now);
            }
            repository.update(changed);
            return new ChatSummary(changed, current.messageCount());
        });
    }

    private Agent agent(UUID agentId) {
        return agents.find(agentId).orElseThrow(() -> new NotFoundException("agent.not-found", "no agent with this id"));
    }

    @Override
    public ChatSummary get(Session caller, UUID chatId) {
        return vault.inVault(caller, () -> repository.find(chatId).orElseThrow(ChatService::notFound));
    }

    @Override
    public Page<ChatSummary> list(Session caller, PageRequest page) {
        return vault.inVault(caller, () -> repository.list(page));
    }

    @Override
    public void delete(Session caller, UUID chatId) {
        vault.inVault(caller, () -> {
            List<UUID> messageIds = vault.inTransaction(() -> {
                List<UUID> ids = repository.messageIds(chatId);
                // Executions, research and writing sessions of the chat stay, unlinked.
                executions.detachChat(chatId);
                research.detachChat(chatId);
                writing.unlinkChat(chatId);
                if (!repository.delete(chatId)) {
                    throw notFound();
                }
                return ids;
            });
            // After the commit: blobs.db is another file, and a blob without row is harmless, a row without blob not.
            attachments.discard(messageIds);
            return null;
        });
    }

    @Override
    public Message post(Session caller, UUID chatId, PostMessageCommand command) {
        command.requireValid();
        Instant now = now();
        Message added = vault.inVault(caller, () -> {
            // Described in the vault: the metadata of an uploaded file is there.
            List<MessageFile> files = attachments.describe(command.files(), now);
            Message message = new Message(UUID.randomUUID(), chatId, command.role(), command.content(), files, now,
                    command.model(), command.sources(), command.usage(), command.metadata(), null);
            requireChat(chatId);
            // Bytes first, then the row: a row must never point at bytes that are not stored. Until the row has
            // committed (or the bytes are discarded) the message is pending, so no reconciliation takes its bytes.
            try (PendingBlobOwners.Registration pending = pendingOwners.register(message.id())) {
                attachments.store(message.id(), command.files(), now);
                try {
                    return vault.inTransaction(() -> addMessage(message));
                } catch (RuntimeException failure) {
                    attachments.discard(List.of(message.id()));
                    throw failure;
                }
            }
        });
        events.publish(caller.userId(), ChangeEvents.messageCreated(added));
        return added;
    }

    private Message addMessage(Message message) {
        requireChat(message.chatId());
        repository.addMessage(message);
        repository.touch(message.chatId(), message.createdAt());
        return message;
    }

    @Override
    public Page<Message> messages(Session caller, UUID chatId, PageRequest page) {
        return vault.inVault(caller, () -> {
            requireChat(chatId);
            return repository.messages(chatId, page);
        });
    }

    private void requireChat(UUID chatId) {
        if (repository.find(chatId).isEmpty()) {
            throw notFound();
        }
    }

    static NotFoundException notFound() {
        return new NotFoundException("chat.not-found", "no chat with this id");
    }

    private Instant now() {
        // Millisecond precision: what the vault stores, so values read back equal to what was written.
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
