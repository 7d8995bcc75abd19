package dev.researchvault.bootstrap;

import dev.researchvault.application.vault.VaultWork;
import dev.researchvault.application.writing.DraftService;
import dev.researchvault.application.writing.WritingSessionService;
import dev.researchvault.domain.chat.ChatRepository;
import dev.researchvault.domain.document.DocumentRepository;
import dev.researchvault.domain.research.ResearchRepository;
import dev.researchvault.domain.writing.WritingRepository;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Wires the writing use cases (sessions, drafts, references) over the vault-bound writing repository. */
@Factory
public class WritingWiring {

    @Singleton
    WritingSessionService writingSessionService(VaultWork vault, WritingRepository writing, ChatRepository chats,
                                                Clock clock) {
        return new WritingSessionService(vault, writing, chats, clock);
    }

    @Singleton
    DraftService draftService(VaultWork vault, WritingRepository writing, ResearchRepository research,
                              DocumentRepository documents, Clock clock) {
        return new DraftService(vault, writing, research, documents, clock);
    }
}
