package dev.researchvault.application.chat;

import dev.researchvault.application.account.Session;
import dev.researchvault.domain.chat.Message;
import java.util.UUID;

/** Corrections of single messages. Both answer 404 {@code chat.message-not-found} when the caller has no such message. */
public interface EditMessagesUseCase {

    /** Replaces the message's content (its files, model, sources and usage stay); 400 for bad content. */
    Message edit(Session caller, UUID messageId, String content);

    /** Deletes the message and, once that is committed, the bytes of its files. */
    void delete(Session caller, UUID messageId);
}
