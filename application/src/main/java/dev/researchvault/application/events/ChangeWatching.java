package dev.researchvault.application.events;

import dev.researchvault.application.account.Session;
import dev.researchvault.application.account.SessionStore;
import dev.researchvault.application.research.ManageResearchUseCase;
import java.util.UUID;
import java.util.function.Consumer;

/** {@link WatchChangesUseCase} over the process's {@link ChangeHub}. */
public record ChangeWatching(ChangeHub hub, SessionStore sessions, ManageResearchUseCase research)
        implements WatchChangesUseCase {

    @Override
    public ChangeHub.Subscription watch(Session caller, String lastEventId, Consumer<FeedEvent> listener) {
        return hub.subscribe(caller.userId(), lastEventId, listener);
    }

    @Override
    public ChangeHub.Subscription watchResearch(Session caller, UUID researchId, String lastEventId,
                                                Consumer<FeedEvent> listener) {
        research.get(caller, researchId); // 404 for another user's research as for a random id
        return hub.subscribe(caller.userId(), lastEventId, event -> {
            if (event.isReload() || (researchId.equals(event.subject()) && event.type().startsWith("research."))) {
                listener.accept(event);
            }
        });
    }

    @Override
    public boolean stillLive(Session caller) {
        return sessions.isLive(caller.token());
    }
}
