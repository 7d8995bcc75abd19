package dev.researchvault.bootstrap;

import dev.researchvault.application.chat.ChatService;
import dev.researchvault.application.vault.Transactions;
import dev.researchvault.application.vault.VaultScope;
import dev.researchvault.domain.chat.ChatRepository;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Wires the chat use cases over the vault-backed chat repository. */
@Factory
public class ChatWiring {

    @Singleton
    ChatService chatService(VaultScope vaultScope, Transactions transactions, ChatRepository repository, Clock clock) {
        return new ChatService(vaultScope, transactions, repository, clock);
    }
}
