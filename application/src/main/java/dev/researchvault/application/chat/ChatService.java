package dev.researchvault.application.chat;

import dev.researchvault.application.account.Session;
import dev.researchvault.application.vault.Transactions;
import dev.researchvault.application.vault.VaultScope;
import dev.researchvault.domain.NotFoundException;
import dev.researchvault.domain.Page;
import dev.researchvault.domain.PageRequest;
import dev.researchvault.domain.RuleViolationException;
import dev.researchvault.domain.chat.Chat;
import dev.researchvault.domain.chat.ChatRepository;
import dev.researchvault.domain.chat.ChatSummary;
import dev.researchvault.domain.chat.Message;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.function.Supplier;

/** {@link ManageChatsUseCase} over the caller's vault. */
public final class ChatService implements ManageChatsUseCase {

    private final VaultScope vaultScope;
    private final Transactions transactions;
    private final ChatRepository repository;
    private final Clock clock;

    public ChatService(VaultScope vaultScope, Transactions transactions, ChatRepository repository, Clock clock) {
        this.vaultScope = vaultScope;
        this.transactions = transactions;
        this.repository = repository;
        this.clock = clock;
    }

    @Override
    public ChatSummary create(Session caller, String title) {
        Chat chat = Chat.create(UUID.randomUUID(), title, now());
        return inVault(caller, () -> {
            repository.add(chat);
            return new ChatSummary(chat, 0);
        });
    }

    @Override
    public ChatSummary get(Session caller, UUID chatId) {
        return inVault(caller, () -> repository.find(chatId).orElseThrow(ChatService::notFound));
    }

    @Override
    public Page<ChatSummary> list(Session caller, PageRequest page) {
        return inVault(caller, () -> repository.list(page));
    }

    @Override
    public void delete(Session caller, UUID chatId) {
        inVault(caller, () -> {
            if (!repository.delete(chatId)) {
                throw notFound();
            }
            return null;
        });
    }

    @Override
    public Message post(Session caller, UUID chatId, PostMessageCommand command) {
        if (command.role() == null) {
            throw new RuleViolationException("chat.invalid-role", "role must be user, assistant or system");
        }
        boolean noFiles = command.files() == null || command.files().isEmpty();
        if (noFiles && (command.content() == null || command.content().isBlank())) {
            throw new RuleViolationException("chat.empty-message", "a message needs content or files");
        }
        Instant now = now();
        Message message = new Message(UUID.randomUUID(), chatId, command.role(), command.content(), command.files(), now);
        return inVault(caller, () -> transactions.inTransaction(() -> {
            requireChat(chatId);
            repository.addMessage(message);
            repository.touch(chatId, now);
            return message;
        }));
    }

    @Override
    public Page<Message> messages(Session caller, UUID chatId, PageRequest page) {
        return inVault(caller, () -> {
            requireChat(chatId);
            return repository.messages(chatId, page);
        });
    }

    private void requireChat(UUID chatId) {
        if (repository.find(chatId).isEmpty()) {
            throw notFound();
        }
    }

    private static NotFoundException notFound() {
        return new NotFoundException("chat.not-found", "no chat with this id");
    }

    private Instant now() {
        // Millisecond precision: what the vault stores, so values read back equal to what was written.
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private <T> T inVault(Session caller, Supplier<T> work) {
        return vaultScope.call(caller.userId(), caller.key(), work);
    }
}
