package dev.researchvault.application.events;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A {@link ChangeEvent} as a user's feed holds and delivers it: numbered, timed.
 *
 * @param id       the SSE {@code id}: this process's boot id and the event's number, {@code <boot>.<sequence>}; a
 *                 client sends it back as {@code Last-Event-ID} to resume after it
 * @param sequence the event's number, increasing over all users' events of this process
 * @param subject  the id of what changed, null for {@link #RELOAD}
 */
public record FeedEvent(String id, long sequence, String type, UUID subject, Map<String, Object> data,
                        Instant createdAt) {

    /** The type of the event that tells a client its missed events are gone: reload what it shows. */
    public static final String RELOAD = "reload";

    static FeedEvent reload(String id, long sequence, Instant now) {
        return new FeedEvent(id, sequence, RELOAD, null, Map.of(), now);
    }

    public boolean isReload() {
        return RELOAD.equals(type);
    }
}
