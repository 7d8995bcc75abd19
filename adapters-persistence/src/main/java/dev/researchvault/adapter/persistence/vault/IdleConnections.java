package dev.researchvault.adapter.persistence.vault;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes the connections of open vaults once they have been idle for {@code vault.close-idle-connections-after}.
 * A vault stays open for up to {@code vault.close-idle-vaults-after} (15 minutes) after its last request, and its
 * one vault.db connection is most of what it costs in native memory; the next request reopens a connection in a
 * few milliseconds, without the key checks and migrations of reopening the vault. Polled every second, so a
 * connection is closed at most a second late.
 */
@Singleton
final class IdleConnections {

    private static final Logger LOG = LoggerFactory.getLogger(IdleConnections.class);

    private final OpenVaults vaults;
    private final Duration idleFor;

    @Inject
    IdleConnections(OpenVaults vaults, VaultConfiguration configuration) {
        this.vaults = vaults;
        this.idleFor = configuration.getCloseIdleConnectionsAfter();
    }

    @Scheduled(fixedDelay = "1s", initialDelay = "1s")
    void closeIdle() {
        if (idleFor.isZero()) {
            return;
        }
        int closed = vaults.closeIdleConnections(idleFor);
        if (closed > 0) {
            LOG.debug("event=vault.idle-connections-closed count={}", closed);
        }
    }
}
