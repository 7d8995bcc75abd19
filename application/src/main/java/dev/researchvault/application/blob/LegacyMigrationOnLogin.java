package dev.researchvault.application.blob;

import dev.researchvault.application.account.AccountEvents;
import dev.researchvault.application.account.Session;
import dev.researchvault.application.vault.VaultOwner;
import dev.researchvault.application.vault.VaultWork;
import dev.researchvault.domain.account.UserId;
import dev.researchvault.domain.vault.MasterKey;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The blob area's upkeep after each login, in the background, inside the user's vault scope: first
 * {@link LegacyFileMigration}, then {@link BlobReconciliation} (blobs no row owns any more: what a crash between
 * a chat deletion's commit and its blob deletion left). After login because only then is the user's key at
 * hand; in the background because a vault with many legacy files or leftovers would otherwise hold up the
 * login; at every login because a cheap pass finds nothing to do, and legacy rows or leftovers may arrive later
 * (an import, a restored old backup, a crash). Until the migration has run, downloads serve legacy files from
 * the rows. One run per user at a time; a failure of one step does not keep the other from running.
 */
public final class LegacyMigrationOnLogin implements AccountEvents {

    private static final Logger LOG = LoggerFactory.getLogger(LegacyMigrationOnLogin.class);

    private final VaultWork vault;
    private final LegacyFileMigration migration;
    private final BlobReconciliation reconciliation;
    private final Executor background;
    private final Set<UserId> running = ConcurrentHashMap.newKeySet();

    public LegacyMigrationOnLogin(VaultWork vault, LegacyFileMigration migration,
                                  BlobReconciliation reconciliation, Executor background) {
        this.vault = vault;
        this.migration = migration;
        this.reconciliation = reconciliation;
        this.background = background;
    }

    @Override
    public void loggedIn(Session session) {
        UserId user = session.userId();
        if (!running.add(user)) {
            return;
        }
        // A logout may wipe the session's key before the task runs: the task owns a copy.
        MasterKey key = new MasterKey(session.key().copyBytes());
        try {
            background.execute(() -> upkeep(user, key));
        } catch (RejectedExecutionException shuttingDown) {
            running.remove(user);
            key.destroy();
        }
    }

    private void upkeep(UserId user, MasterKey key) {
        try {
            migrate(user, key);
            reconcile(user, key);
        } finally {
            running.remove(user);
            key.destroy();
        }
    }

    private void migrate(UserId user, MasterKey key) {
        try {
            LegacyFileMigration.Report report = vault.inVault(VaultOwner.of(user, key), migration::migrateAll);
            if (report.messages() > 0 || !report.failedMessages().isEmpty()) {
                LOG.info("event=blob.legacy-migrated user={} messages={} files={} thumbnails={} failed={}", user,
                        report.messages(), report.files(), report.thumbnails(), report.failedMessages().size());
            }
        } catch (RuntimeException failure) {
            LOG.warn("event=blob.legacy-migration-failed user={} error={}", user, failure.getClass().getSimpleName());
        }
    }

    private void reconcile(UserId user, MasterKey key) {
        try {
            BlobReconciliation.Report report = vault.inVault(VaultOwner.of(user, key), reconciliation::reconcile);
            if (report.blobsRemoved() > 0) {
                LOG.info("event=blob.reconciled user={} owners={} unreferenced={} removed={}", user, report.owners(),
                        report.unreferencedOwners(), report.blobsRemoved());
            }
        } catch (RuntimeException failure) {
            LOG.warn("event=blob.reconcile-failed user={} error={}", user, failure.getClass().getSimpleName());
        }
    }

    @Override
    public void passwordChanged(UserId user, MasterKey newKey) {
        // Nothing to do: the next login runs the upkeep with the new key.
    }
}
