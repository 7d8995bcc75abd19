package dev.researchvault.bootstrap;

import dev.researchvault.adapter.http.events.EventStreams;
import dev.researchvault.application.account.SessionStore;
import dev.researchvault.application.events.ChangeHub;
import dev.researchvault.application.events.ChangeWatching;
import dev.researchvault.application.events.WatchChangesUseCase;
import dev.researchvault.application.research.ManageResearchUseCase;
import dev.researchvault.bootstrap.config.EventsConfiguration;
import io.micronaut.context.annotation.Factory;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Wires the live change feeds: one {@link ChangeHub} for the process, which the services publish to. */
@Factory
public class EventWiring {

    @Singleton
    ChangeHub changeHub(EventsConfiguration configuration, Clock clock) {
        return new ChangeHub(configuration.getWindow(), configuration.getMaxAge(), clock);
    }

    @Singleton
    ChangeWatching changeWatching(ChangeHub hub, SessionStore sessions, ManageResearchUseCase research) {
        return new ChangeWatching(hub, sessions, research);
    }

    @Singleton
    EventStreams eventStreams(WatchChangesUseCase changes, EventsConfiguration configuration) {
        return new EventStreams(changes, configuration.getHeartbeat(), configuration.getStreamBuffer());
    }

    /** Drops old events and idle feeds, so memory follows recent activity (ChangeHub#evictExpired). */
    @Singleton
    static class FeedEviction {

        private final ChangeHub hub;

        FeedEviction(ChangeHub hub) {
            this.hub = hub;
        }

        @Scheduled(fixedDelay = "1m", initialDelay = "1m")
        void evict() {
            hub.evictExpired();
        }
    }
}
