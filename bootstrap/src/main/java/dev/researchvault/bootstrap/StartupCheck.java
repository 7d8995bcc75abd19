package dev.researchvault.bootstrap;

import dev.researchvault.adapter.persistence.vault.VaultConfiguration;
import dev.researchvault.application.account.OrphanCleanup;
import dev.researchvault.application.health.StorageHealth;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Context;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refuses to start on storage that cannot work, saying which check failed, rather than failing on the
 * first user's request; then removes files no account owns (left by a crash mid-registration).
 */
@Context
public class StartupCheck {

    private static final Logger LOG = LoggerFactory.getLogger(StartupCheck.class);

    /** The cleanup is fetched only after the checks passed: creating it opens the registry in the data directory. */
    public StartupCheck(StorageHealth health, VaultConfiguration configuration, BeanProvider<OrphanCleanup> orphans) {
        StorageHealth.Report report = health.check();
        Path dataDir = Path.of(configuration.getDataDir()).toAbsolutePath().normalize();
        if (!report.dataDirectoryWritable()) {
            throw new IllegalStateException("data directory " + dataDir + " does not exist and cannot be created,"
                    + " or is not writable");
        }
        if (!report.encryptionWorks()) {
            throw new IllegalStateException("an encrypted database cannot be created and reopened in " + dataDir);
        }
        LOG.info("event=startup.storage-ok dataDir={} orphansSettled={}", dataDir, orphans.get().settleOrphans());
    }
}
