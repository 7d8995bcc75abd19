package dev.researchvault.application.chat;

import dev.researchvault.application.account.Session;
import dev.researchvault.application.vault.VaultWork;
import dev.researchvault.domain.NotFoundException;
import dev.researchvault.domain.blob.BlobStore;
import dev.researchvault.domain.chat.ChatRepository;
import dev.researchvault.domain.chat.Message;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/** {@link EditMessagesUseCase} over the caller's vault. */
public record MessageEditService(VaultWork vault, ChatRepository messages, BlobStore blobs, Clock clock)
        implements EditMessagesUseCase {

    @Override
    public Message edit(Session caller, UUID messageId, String content) {
        return vault.inTransaction(caller, () -> {
            Message edited = existing(messageId).edited(content, clock.instant().truncatedTo(ChronoUnit.MILLIS));
            messages.updateMessage(edited);
            return edited;
        });
    }

    @Override
    public void delete(Session caller, UUID messageId) {
        vault.inVault(caller, () -> {
            vault.inTransaction(() -> {
                existing(messageId);
                return messages.deleteMessage(messageId);
            });
            // After the commit, as for a chat: a blob without a row is harmless (reconciliation takes it), a row
            // without its blob is not.
            MessageAttachments.discard(blobs, List.of(messageId));
            return messageId;
        });
    }

    private Message existing(UUID messageId) {
        return messages.findMessage(messageId)
                .orElseThrow(() -> new NotFoundException("chat.message-not-found", "no message with this id"));
    }
}
