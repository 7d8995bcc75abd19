package dev.researchvault.application.events;

import dev.researchvault.domain.account.UserId;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The users' live change feeds, in memory: every published {@link ChangeEvent} is numbered, kept for a bounded
 * window (at most {@code window} events and {@code maxAge} per user) and handed to that user's listeners, one
 * user's events never to another's. A client that resumes with the id of the last event it saw gets what it missed
 * from the window, in order, before anything new; if some of it already left the window, or the id is from before
 * a restart (another boot id) or unreadable, it gets one {@link FeedEvent#RELOAD} instead, and then what is new.
 *
 * <p>Each user's publishing, resuming and delivery run under that user's lock, so a listener sees each event
 * exactly once and in order even when it subscribes while events are published; listeners must not block (they
 * hand the event to a stream's buffer). Nothing here is persisted: events are notifications of changes that are in
 * the vault, and a restart answers resumes with a reload.
 */
public final class ChangeHub implements ChangeFeed {

    /** A listener's registration; closing it stops delivery. Idempotent. */
    public interface Subscription extends AutoCloseable {
        @Override
        void close();
    }

    private final String boot;
    private final AtomicLong sequence = new AtomicLong();
    private final int window;
    private final Duration maxAge;
    private final Clock clock;
    private final ConcurrentMap<UserId, UserFeed> feeds = new ConcurrentHashMap<>();
    /** The newest event number when a feed was last removed ({@link #evictExpired}). */
    private final AtomicLong removedUpTo = new AtomicLong();

    public ChangeHub(int window, Duration maxAge, Clock clock) {
        if (window < 1 || maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("the event window must hold at least one event for some time");
        }
        this.window = window;
        this.maxAge = maxAge;
        this.clock = clock;
        byte[] bootId = new byte[4];
        new SecureRandom().nextBytes(bootId);
        this.boot = HexFormat.of().formatHex(bootId);
    }

    @Override
    public void publish(UserId user, ChangeEvent event) {
        UserFeed feed = liveFeed(user);
        synchronized (feed) {
            if (feed.removed) {
                publish(user, event);
                return;
            }
            long number = sequence.incrementAndGet();
            FeedEvent added = new FeedEvent(boot + "." + number, number, event.type(), event.subject(), event.data(),
                    clock.instant());
            feed.events.addLast(added);
            feed.evict(window, clock.instant().minus(maxAge));
            for (Consumer<FeedEvent> listener : List.copyOf(feed.listeners)) {
                listener.accept(added);
            }
        }
    }

    /**
     * Delivers the user's events to {@code listener} from now on, after those missed since {@code lastEventId} (none
     * when null; a {@link FeedEvent#RELOAD} when they cannot all be given).
     */
    public Subscription subscribe(UserId user, String lastEventId, Consumer<FeedEvent> listener) {
        UserFeed feed = liveFeed(user);
        synchronized (feed) {
            if (feed.removed) {
                return subscribe(user, lastEventId, listener);
            }
            feed.evict(window, clock.instant().minus(maxAge));
            if (lastEventId != null) {
                replay(feed, lastEventId, listener);
            }
            feed.listeners.add(listener);
        }
        return () -> {
            synchronized (feed) {
                feed.listeners.remove(listener);
            }
        };
    }

    /**
     * Drops events older than the window's age from every feed, and the feeds left empty that nobody listens to (so
     * that memory follows recent activity, not every user ever seen). A feed created later for the same user starts
     * from {@code removedUpTo}: a client resuming from before the removal is told to reload, never silently served
     * a gap.
     */
    public void evictExpired() {
        Instant oldest = clock.instant().minus(maxAge);
        for (UserId user : List.copyOf(feeds.keySet())) {
            feeds.computeIfPresent(user, (id, feed) -> {
                synchronized (feed) {
                    feed.evict(window, oldest);
                    if (!feed.events.isEmpty() || !feed.listeners.isEmpty()) {
                        return feed;
                    }
                    feed.removed = true;
                    removedUpTo.accumulateAndGet(sequence.get(), Math::max);
                    return null;
                }
            });
        }
    }

    /** Events held for all users (for memory figures and specs). */
    public int heldEvents() {
        return feeds.values().stream().mapToInt(feed -> {
            synchronized (feed) {
                return feed.events.size();
            }
        }).sum();
    }

    private UserFeed liveFeed(UserId user) {
        return feeds.computeIfAbsent(user, id -> new UserFeed(removedUpTo.get()));
    }

    private void replay(UserFeed feed, String lastEventId, Consumer<FeedEvent> listener) {
        long after = sequenceOf(lastEventId);
        if (after < 0 || after < feed.evictedUpTo || after > sequence.get()) {
            listener.accept(FeedEvent.reload(boot + "." + sequence.get(), sequence.get(), clock.instant()));
            return;
        }
        for (FeedEvent event : feed.events) {
            if (event.sequence() > after) {
                listener.accept(event);
            }
        }
    }

    /** The number in an id this process issued; -1 for another boot's id or an unreadable one. */
    private long sequenceOf(String id) {
        int dot = id.indexOf('.');
        if (dot < 0 || !id.substring(0, dot).equals(boot)) {
            return -1;
        }
        try {
            return Long.parseLong(id.substring(dot + 1));
        } catch (NumberFormatException unreadable) {
            return -1;
        }
    }

    /**
     * One user's window of events and listeners. {@code evictedUpTo} is the number of the newest event that left the
     * window: a client that saw an older one has missed events it can no longer be given.
     */
    private static final class UserFeed {
        private final ArrayDeque<FeedEvent> events = new ArrayDeque<>();
        private final List<Consumer<FeedEvent>> listeners = new ArrayList<>();
        private long evictedUpTo;
        /** Set when {@link #evictExpired} took it out of the map: whoever still holds it must look again. */
        private boolean removed;

        UserFeed(long evictedUpTo) {
            this.evictedUpTo = evictedUpTo;
        }

        void evict(int window, Instant oldest) {
            while (!events.isEmpty() && (events.size() > window || events.peekFirst().createdAt().isBefore(oldest))) {
                evictedUpTo = events.pollFirst().sequence();
            }
        }
    }
}
