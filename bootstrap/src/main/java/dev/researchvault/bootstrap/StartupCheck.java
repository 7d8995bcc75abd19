package dev.researchvault.bootstrap;

import dev.researchvault.adapter.persistence.vault.VaultLayout;
import dev.researchvault.application.account.OrphanCleanup;
import dev.researchvault.application.health.StorageHealth;
import dev.researchvault.domain.UnavailableException;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Context;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refuses to start on storage that cannot work — a data directory missing (and not creatable) or not
 * writable by permission, or broken encryption — saying which check failed, rather than failing on the
 * first user's request. A full disk is not such storage: the server starts, serves what can be read, and
 * writes again once space is freed. Then removes files no account owns (left by a crash mid-registration).
 */
@Context
public class StartupCheck {

    private static final Logger LOG = LoggerFactory.getLogger(StartupCheck.class);

    /** The cleanup is fetched only after the checks passed: creating it opens the registry in the data directory. */
    public StartupCheck(StorageHealth health, VaultLayout layout, BeanProvider<OrphanCleanup> orphans) {
        StorageHealth.Report report = health.check();
        Path dataDir = layout.dataDir();
        switch (report.storage()) {
            case MISSING -> throw new IllegalStateException("data directory " + dataDir
                    + " does not exist and cannot be created, or is not a directory");
            case READ_ONLY -> throw new IllegalStateException("data directory " + dataDir + " is not writable"
                    + " (no owner write permission, a read-only mount or an immutable flag): the server writes there");
            case FULL -> LOG.warn("event=startup.storage-full dataDir={} note=\"reads are served; writes answer 503 until"
                    + " space is freed; encryption is checked once it is\"", dataDir);
            case WRITABLE -> {
                if (!report.encryptionWorks()) {
                    throw new IllegalStateException("an encrypted database cannot be created and reopened in " + dataDir);
                }
            }
        }
        layout.openToOthers().forEach(directory -> LOG.warn("event=startup.directory-not-private path={}"
                + " note=\"group or others may list it; chmod 700 it\"", directory));
        LOG.info("event=startup.storage-checked dataDir={} storage={} orphansSettled={}", dataDir, report.storage(),
                settleOrphans(orphans, report));
    }

    /** On a full disk the registry may not open yet; then the cleanup waits for the next start. */
    private static String settleOrphans(BeanProvider<OrphanCleanup> orphans, StorageHealth.Report report) {
        try {
            return String.valueOf(orphans.get().settleOrphans());
        } catch (UnavailableException | UncheckedIOException failure) {
            if (report.storage() != StorageHealth.Storage.FULL) {
                throw failure;
            }
            LOG.warn("event=startup.orphan-cleanup-skipped reason=storage-full");
            return "skipped";
        }
    }
}
