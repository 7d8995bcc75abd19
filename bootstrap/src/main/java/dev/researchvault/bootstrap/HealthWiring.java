package dev.researchvault.bootstrap;

import dev.researchvault.application.health.CachedReadiness;
import dev.researchvault.application.health.CheckReadinessUseCase;
import dev.researchvault.application.health.StorageHealth;
import dev.researchvault.bootstrap.config.HealthConfiguration;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Wires {@code GET /health}: the storage check shared by its callers (the start-up check runs it directly). */
@Factory
public class HealthWiring {

    @Singleton
    CheckReadinessUseCase readiness(StorageHealth health, HealthConfiguration configuration, Clock clock) {
        return new CachedReadiness(health, configuration.getReuseFor(), clock);
    }
}
