package dev.researchvault.application.research;

import dev.researchvault.application.account.Session;
import dev.researchvault.application.events.ChangeEvents;
import dev.researchvault.application.events.ChangeFeed;
import dev.researchvault.application.vault.VaultWork;
import dev.researchvault.domain.NotFoundException;
import dev.researchvault.domain.Page;
import dev.researchvault.domain.PageRequest;
import dev.researchvault.domain.chat.ChatRepository;
import dev.researchvault.domain.research.Research;
import dev.researchvault.domain.research.ResearchFilter;
import dev.researchvault.domain.research.ResearchRepository;
import dev.researchvault.domain.writing.WritingRepository;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * {@link ManageResearchUseCase} over the caller's vault.
 *
 * @param chats   the chats research is started from
 * @param writing the drafts whose references a deleted research unlinks
 * @param events  where committed changes are announced (after their transaction)
 */
public record ResearchService(VaultWork vault, ResearchRepository repository, ChatRepository chats,
                              WritingRepository writing, ChangeFeed events, Clock clock)
        implements ManageResearchUseCase {

    @Override
    public Research start(Session caller, StartResearchCommand command) {
        Research research = Research.create(UUID.randomUUID(), command.query(), command.mode(), command.chatId(),
                now());
        // Every write runs in a transaction, which waits for the vault's writer turn (Transactions).
        vault.inTransaction(caller, () -> {
            requireChat(command.chatId());
            repository.add(research);
            return research;
        });
        events.publish(caller.userId(), ChangeEvents.researchUpdated(research));
        return research;
    }

    @Override
    public Research get(Session caller, UUID id) {
        return vault.inVault(caller, () -> repository.find(id).orElseThrow(ResearchErrors::notFound));
    }

    @Override
    public Page<Research> list(Session caller, ResearchFilter filter, PageRequest page) {
        return vault.inVault(caller, () -> repository.list(filter, page));
    }

    @Override
    public Page<Research> listOfChat(Session caller, UUID chatId, PageRequest page) {
        return vault.inVault(caller, () -> {
            requireChat(chatId);
            return repository.list(ResearchFilter.ofChat(chatId), page);
        });
    }

    private void requireChat(UUID chatId) {
        if (chatId != null && chats.find(chatId).isEmpty()) {
            throw new NotFoundException("chat.not-found", "no chat with this id");
        }
    }

    @Override
    public Research update(Session caller, UUID id, UpdateResearchCommand command) {
        // Every refused part is named at once, before the research is read (as other bodies are checked first).
        command.requireValid();
        Instant now = now();
        // Read and write in one transaction: a concurrent status change cannot slip in between.
        Research updated = vault.inTransaction(caller, () -> {
            Research research = repository.find(id).orElseThrow(ResearchErrors::notFound);
            Research changed = applyChanges(research, command, now);
            repository.update(changed);
            return changed;
        });
        events.publish(caller.userId(), ChangeEvents.researchUpdated(updated));
        return updated;
    }

    @Override
    public void delete(Session caller, UUID id) {
        // One transaction: no draft reference is left pointing at a research that is gone.
        vault.inTransaction(caller, () -> {
            if (!repository.delete(id)) {
                throw ResearchErrors.notFound();
            }
            writing.unlinkResearch(id);
            return id;
        });
        events.publish(caller.userId(), ChangeEvents.researchDeleted(id));
    }

    private static Research applyChanges(Research research, UpdateResearchCommand command, Instant now) {
        Research changed = research;
        if (command.status() != null) {
            changed = changed.moveTo(command.status(), now);
        }
        if (command.progress() != null) {
            changed = changed.withProgress(command.progress());
        }
        if (command.title() != null) {
            changed = changed.withTitle(command.title());
        }
        if (command.metadata() != null) {
            changed = changed.withMetadata(command.metadata());
        }
        if (command.usage() != null) {
            changed = changed.withUsage(command.usage());
        }
        return changed;
    }

    private Instant now() {
        // Millisecond precision: what the vault stores, so a research reads back equal to what was written.
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
