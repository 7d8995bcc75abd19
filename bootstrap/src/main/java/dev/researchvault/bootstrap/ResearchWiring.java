package dev.researchvault.bootstrap;

import dev.researchvault.application.events.ChangeHub;
import dev.researchvault.application.research.ResearchService;
import dev.researchvault.application.research.ResearchWorkService;
import dev.researchvault.application.vault.VaultWork;
import dev.researchvault.domain.chat.ChatRepository;
import dev.researchvault.domain.research.ResearchRepository;
import dev.researchvault.domain.writing.WritingRepository;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Wires the research use cases over the vault-backed research repository. */
@Factory
public class ResearchWiring {

    @Singleton
    ResearchService researchService(VaultWork vault, ResearchRepository repository, ChatRepository chats,
                                    WritingRepository writing, ChangeHub events, Clock clock) {
        return new ResearchService(vault, repository, chats, writing, events, clock);
    }

    @Singleton
    ResearchWorkService researchWorkService(VaultWork vault, ResearchRepository repository, ChangeHub events,
                                            Clock clock) {
        return new ResearchWorkService(vault, repository, events, clock);
    }
}
