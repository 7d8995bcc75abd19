package dev.researchvault.application.writing;

import dev.researchvault.application.account.Session;
import dev.researchvault.application.vault.VaultWork;
import dev.researchvault.domain.Page;
import dev.researchvault.domain.PageRequest;
import dev.researchvault.domain.chat.ChatRepository;
import dev.researchvault.domain.writing.WritingRepository;
import dev.researchvault.domain.writing.WritingSession;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** {@link ManageWritingSessionsUseCase} over the caller's vault. */
public record WritingSessionService(VaultWork vault, WritingRepository writing, ChatRepository chats, Clock clock)
        implements ManageWritingSessionsUseCase {

    @Override
    public WritingSession create(Session caller, String title, UUID chatId) {
        WritingSession session = WritingSession.create(UUID.randomUUID(), title, chatId, now());
        return vault.inTransaction(caller, () -> {
            requireChat(chatId);
            writing.addSession(session);
            return session;
        });
    }

    @Override
    public WritingSession get(Session caller, UUID id) {
        return vault.inVault(caller, () -> existing(id));
    }

    @Override
    public Page<WritingSession> list(Session caller, PageRequest page) {
        return vault.inVault(caller, () -> writing.listSessions(page));
    }

    @Override
    public WritingSession update(Session caller, UUID id, String title, UUID chatId) {
        Instant now = now();
        // Read and write in one transaction: a concurrent change cannot slip in between.
        return vault.inTransaction(caller, () -> {
            WritingSession changed = existing(id).change(title, chatId, now);
            requireChat(chatId);
            writing.updateSession(changed);
            return changed;
        });
    }

    @Override
    public void delete(Session caller, UUID id) {
        vault.inTransaction(caller, () -> {
            if (!writing.deleteSession(id)) {
                throw WritingErrors.sessionNotFound();
            }
            return id;
        });
    }

    private WritingSession existing(UUID id) {
        return writing.findSession(id).orElseThrow(WritingErrors::sessionNotFound);
    }

    private void requireChat(UUID chatId) {
        if (chatId != null && chats.find(chatId).isEmpty()) {
            throw WritingErrors.chatNotFound();
        }
    }

    private Instant now() {
        // Millisecond precision: what the vault stores, so values read back equal to what was written.
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
