package dev.researchvault.bootstrap.config;

import static dev.researchvault.bootstrap.config.ConfigurationValues.notNegative;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;

/** {@code GET /health} ({@code health.*}). */
@ConfigurationProperties("health")
public class HealthConfiguration {

    private Duration reuseFor = Duration.ofSeconds(5);

    /**
     * How long one run of the storage check answers {@code GET /health} (0s: every call runs it, one at a time).
     * Long enough that a flood of anonymous calls costs nothing, short enough that a monitor sees a full disk soon.
     */
    public Duration getReuseFor() {
        return reuseFor;
    }

    public void setReuseFor(Duration reuseFor) {
        this.reuseFor = notNegative("health.reuse-for", reuseFor);
    }
}
