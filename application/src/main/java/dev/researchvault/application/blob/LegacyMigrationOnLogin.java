package dev.researchvault.application.blob;

import dev.researchvault.application.account.AccountEvents;
import dev.researchvault.application.account.Session;
import dev.researchvault.application.vault.VaultScope;
import dev.researchvault.domain.account.UserId;
import dev.researchvault.domain.vault.MasterKey;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link LegacyFileMigration} in the background after each login, inside the user's vault scope. After
 * login because only then is the user's key at hand; in the background because a vault with many legacy
 * files would otherwise hold up the login; at every login because a cheap pass finds nothing to do, and
 * legacy rows may arrive later (an import, a restored old backup). Until it has run, downloads serve
 * legacy files from the rows. One run per user at a time.
 */
public final class LegacyMigrationOnLogin implements AccountEvents {

    private static final Logger LOG = LoggerFactory.getLogger(LegacyMigrationOnLogin.class);

    private final VaultScope vaultScope;
    private final LegacyFileMigration migration;
    private final Executor background;
    private final Set<UserId> running = ConcurrentHashMap.newKeySet();

    public LegacyMigrationOnLogin(VaultScope vaultScope, LegacyFileMigration migration, Executor background) {
        this.vaultScope = vaultScope;
        this.migration = migration;
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
            background.execute(() -> migrate(user, key));
        } catch (RejectedExecutionException shuttingDown) {
            running.remove(user);
            key.destroy();
        }
    }

    private void migrate(UserId user, MasterKey key) {
        try {
            LegacyFileMigration.Report report = vaultScope.call(user, key, migration::migrateAll);
            if (report.messages() > 0 || !report.failedMessages().isEmpty()) {
                LOG.info("event=blob.legacy-migrated user={} messages={} files={} thumbnails={} failed={}", user,
                        report.messages(), report.files(), report.thumbnails(), report.failedMessages().size());
            }
        } catch (RuntimeException failure) {
            LOG.warn("event=blob.legacy-migration-failed user={} error={}", user, failure.getClass().getSimpleName());
        } finally {
            running.remove(user);
            key.destroy();
        }
    }

    @Override
    public void passwordChanged(UserId user, MasterKey newKey) {
        // Nothing to do: the next login runs the migration with the new key.
    }
}
