package dev.researchvault.adapter.http.events;

import dev.researchvault.application.account.Session;
import dev.researchvault.application.events.ChangeHub;
import dev.researchvault.application.events.FeedEvent;
import dev.researchvault.application.events.WatchChangesUseCase;
import io.micronaut.http.sse.Event;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.function.Consumer;
import java.util.function.Function;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * Turns a subscription to the caller's changes into a Server-Sent Events body: each event with its id and type,
 * a heartbeat at once and every {@code heartbeat} after (proxies close idle connections), and the end of the stream
 * when the session ends (checked on every heartbeat and before every event, without counting as activity).
 *
 * <p>The subscription is made before the body is returned, so a 404 (an unknown research) is an ordinary problem
 * answer and no event published after the request is missed. A client that reads too slowly fills the stream's
 * buffer of {@code buffer} events; the stream then ends after what it holds, and the client resumes with its last
 * id (events still in the window are replayed; beyond it, a reload).
 *
 * @param heartbeat how often a heartbeat is sent and the session checked
 * @param buffer    events held for a slow client before its stream ends
 */
public record EventStreams(WatchChangesUseCase changes, Duration heartbeat, int buffer) {

    /** The heartbeat: a named event without id, so it never moves a client's {@code Last-Event-ID}. */
    static final String HEARTBEAT = "heartbeat";

    /** The stream of the events {@code subscribe} registers a listener for. */
    Flux<Event<Map<String, Object>>> open(Session session,
                                          Function<Consumer<FeedEvent>, ChangeHub.Subscription> subscribe) {
        Sinks.Many<FeedEvent> sink = Sinks.many().unicast().onBackpressureBuffer(new ArrayBlockingQueue<>(buffer));
        // The hub delivers one user's events one at a time (under that user's lock), so emissions never overlap.
        ChangeHub.Subscription subscription = subscribe.apply(event -> {
            if (sink.tryEmitNext(event).isFailure()) {
                sink.tryEmitComplete();
            }
        });
        Flux<Event<Map<String, Object>>> events = sink.asFlux().map(EventStreams::toSse);
        Flux<Event<Map<String, Object>>> heartbeats = Flux.interval(Duration.ZERO, heartbeat)
                .map(tick -> Event.of(Map.<String, Object>of()).name(HEARTBEAT));
        return Flux.merge(events, heartbeats)
                .takeWhile(event -> changes.stillLive(session))
                .doFinally(signal -> subscription.close());
    }

    private static Event<Map<String, Object>> toSse(FeedEvent event) {
        return Event.of(event.data()).id(event.id()).name(event.type());
    }
}
