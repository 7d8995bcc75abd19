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
 * few milliseconds, without the key checks and migrations of reopening the vault. Beyond
 * {@code vault.max-idle-connections} idle across all open vaults, the least recently used are closed sooner, so that
 * the memory idle connections hold does not grow with the number of users active in the last seconds. Polled every
 * second, so a connection is closed at most a second late; a sweep that closed any asks for a native heap trim.
 */
@Singleton
final class IdleConnections {

    private static final Logger LOG = LoggerFactory.getLogger(IdleConnections.class);

    private final OpenVaults vaults;
    private final NativeHeapTrim trim;
    private final Duration idleFor;
    private final int maxIdle;

    @Inject
    IdleConnections(OpenVaults vaults, NativeHeapTrim trim, VaultConfiguration configuration) {
        this.vaults = vaults;
        this.trim = trim;
        this.idleFor = configuration.getCloseIdleConnectionsAfter();
        this.maxIdle = configuration.getMaxIdleConnections();
    }

    @Scheduled(fixedDelay = "1s", initialDelay = "1s")
    void closeIdle() {
        if (idleFor.isZero()) {
            return;
        }
        int closed = vaults.closeIdleConnections(idleFor, maxIdle);
        if (closed > 0) {
            LOG.debug("event=vault.idle-connections-closed count={}", closed);
            // At once rather than at the trim's own next poll: while users come and go, connections close every
            // second, and what they freed stays resident until a trim (docs/benchmarks.md, "Idle connections bounded").
            trim.afterVaultsClosed();
        }
    }
}
