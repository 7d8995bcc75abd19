package dev.researchvault.adapter.persistence.session;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;

/** Session lifetimes ({@code sessions.*}). */
@ConfigurationProperties("sessions")
public class SessionConfiguration {

    private Duration idleTimeout = Duration.ofMinutes(30);
    private Duration absoluteTimeout = Duration.ofHours(12);

    /** A session unused for this long ends. */
    public Duration getIdleTimeout() {
        return idleTimeout;
    }

    public void setIdleTimeout(Duration idleTimeout) {
        this.idleTimeout = idleTimeout;
    }

    /** A session ends this long after login, however busy. */
    public Duration getAbsoluteTimeout() {
        return absoluteTimeout;
    }

    public void setAbsoluteTimeout(Duration absoluteTimeout) {
        this.absoluteTimeout = absoluteTimeout;
    }
}
