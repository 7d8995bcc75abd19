package dev.researchvault.application.events;

import dev.researchvault.application.account.Session;
import java.util.UUID;
import java.util.function.Consumer;

/** Live changes of the caller's data, for event streams ({@code GET /api/v1/events}). */
public interface WatchChangesUseCase {

    /**
     * Delivers the caller's events from now on, after those missed since {@code lastEventId} (see {@link ChangeHub}).
     */
    ChangeHub.Subscription watch(Session caller, String lastEventId, Consumer<FeedEvent> listener);

    /**
     * As {@link #watch}, only the events of one research ({@code research.*} with that subject) and reloads.
     *
     * @throws dev.researchvault.domain.NotFoundException {@code research.not-found} when the caller has no such research
     */
    ChangeHub.Subscription watchResearch(Session caller, UUID researchId, String lastEventId,
                                         Consumer<FeedEvent> listener);

    /** Whether the caller's session still lives (a stream ends with it); does not count as activity. */
    boolean stillLive(Session caller);
}
