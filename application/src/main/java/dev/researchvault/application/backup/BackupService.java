package dev.researchvault.application.backup;

import dev.researchvault.application.account.AccountEvents;
import dev.researchvault.application.account.PasswordProof;
import dev.researchvault.application.account.Session;
import dev.researchvault.domain.NotFoundException;
import dev.researchvault.domain.account.Password;
import dev.researchvault.domain.account.UserId;
import dev.researchvault.domain.backup.BackupInfo;
import dev.researchvault.domain.backup.BackupPolicy;
import dev.researchvault.domain.backup.Backups;
import dev.researchvault.domain.vault.MasterKey;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Backups on demand and automatically: after a login (in the background, at most one per UTC calendar day,
 * unless the user turned automatic backups off) and after a password change (old backups are under the
 * old key: they are deleted and a fresh one is taken under the new key).
 */
public final class BackupService implements BackupUseCases, AccountEvents {

    private static final Logger LOG = LoggerFactory.getLogger(BackupService.class);

    private final Backups backups;
    private final BackupPolicies policies;
    private final PasswordProof proof;
    private final Executor background;
    private final Consumer<UserId> vaultReplaced;
    private final Clock clock;

    /**
     * @param background    runs automatic backups after logins
     * @param vaultReplaced told after a restore, so caches of the user's data can forget what they hold
     */
    public BackupService(Backups backups, BackupPolicies policies, PasswordProof proof, Executor background,
                         Consumer<UserId> vaultReplaced, Clock clock) {
        this.backups = backups;
        this.policies = policies;
        this.proof = proof;
        this.background = background;
        this.vaultReplaced = vaultReplaced;
        this.clock = clock;
    }

    @Override
    public BackupInfo createBackup(Session session) {
        return backUpAndRetain(session.userId(), session.key());
    }

    @Override
    public List<BackupInfo> listBackups(Session session) {
        return backups.list(session.userId());
    }

    @Override
    public void deleteBackup(Session session, String name) {
        if (!backups.delete(session.userId(), name)) {
            throw new NotFoundException("backup.not-found", "no backup of that name");
        }
    }

    @Override
    public void restoreBackup(Session session, String name, String password) {
        try (Password offered = Password.offered(password)) {
            proof.prove(session, offered).destroy();
        }
        backups.restore(session.userId(), session.key(), name);
        vaultReplaced.accept(session.userId());
    }

    @Override
    public void loggedIn(Session session) {
        if (backedUpToday(session.userId())) {
            return;
        }
        // The session's key may be wiped by a logout before the task runs: the task owns a copy.
        MasterKey key = new MasterKey(session.key().copyBytes());
        background.execute(() -> {
            try {
                if (policies.policyOf(session.userId(), key).automatic() && !backedUpToday(session.userId())) {
                    backUpAndRetain(session.userId(), key);
                }
            } catch (RuntimeException failure) {
                LOG.warn("event=backup.automatic-failed user={} error={}", session.userId(),
                        failure.getClass().getSimpleName());
            } finally {
                key.destroy();
            }
        });
    }

    @Override
    public void passwordChanged(UserId user, MasterKey newKey) {
        backups.deleteAll(user);
        backUpAndRetain(user, newKey);
    }

    private BackupInfo backUpAndRetain(UserId user, MasterKey key) {
        BackupInfo written = backups.create(user, key);
        BackupPolicy policy = policies.policyOf(user, key);
        backups.applyRetention(user, policy, written.name(), clock.instant());
        return written;
    }

    private boolean backedUpToday(UserId user) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        return backups.lastBackupAt(user)
                .map((Instant at) -> LocalDate.ofInstant(at, ZoneOffset.UTC).equals(today))
                .orElse(false);
    }
}
