package dev.researchvault.bootstrap.config;

import static dev.researchvault.bootstrap.config.ConfigurationValues.atLeast;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;

/** The live event streams ({@code events.*}); docs/events.md says what a client sees of them. */
@ConfigurationProperties("events")
public class EventsConfiguration {

    private Duration heartbeat = Duration.ofSeconds(15);
    private int window = 1000;
    private Duration maxAge = Duration.ofMinutes(5);
    private int streamBuffer = 256;

    /**
     * How often an open stream sends a heartbeat (proxies close idle connections) and checks that its session still
     * lives: a stream ends at most this long after its session does.
     */
    public Duration getHeartbeat() {
        return heartbeat;
    }

    public void setHeartbeat(Duration heartbeat) {
        this.heartbeat = atLeast("events.heartbeat", heartbeat, Duration.ofMillis(10));
    }

    /** Events kept per user for clients that resume ({@code Last-Event-ID}); older ones get a reload. */
    public int getWindow() {
        return window;
    }

    public void setWindow(int window) {
        this.window = (int) atLeast("events.window", window, 1);
    }

    /** How long an event is kept for resuming clients at most. */
    public Duration getMaxAge() {
        return maxAge;
    }

    public void setMaxAge(Duration maxAge) {
        this.maxAge = atLeast("events.max-age", maxAge, Duration.ofSeconds(1));
    }

    /** Events a stream holds for a client that reads too slowly before the stream is ended (it may resume). */
    public int getStreamBuffer() {
        return streamBuffer;
    }

    public void setStreamBuffer(int streamBuffer) {
        this.streamBuffer = (int) atLeast("events.stream-buffer", streamBuffer, 1);
    }
}
