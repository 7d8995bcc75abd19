package dev.researchvault.application.research;

import java.util.UUID;

/**
 * Input of {@link ManageResearchUseCase#start}: checked by the domain when the research is created.
 *
 * @param chatId the chat the research is started from, or null
 */
public record StartResearchCommand(String query, String mode, UUID chatId) {

    /** A research not started from a chat. */
    public StartResearchCommand(String query, String mode) {
        this(query, mode, null);
    }
}
