package dev.researchvault.application.backup;

import dev.researchvault.application.account.AccountEvents;
import dev.researchvault.application.account.AccountLifecycle;
import dev.researchvault.application.account.PasswordProof;
import dev.researchvault.application.account.Session;
import dev.researchvault.application.account.SessionStore;
import dev.researchvault.domain.NotFoundException;
import dev.researchvault.domain.account.Password;
import dev.researchvault.domain.account.UserId;
import dev.researchvault.domain.backup.BackupInfo;
import dev.researchvault.domain.backup.BackupKind;
import dev.researchvault.domain.backup.BackupPolicy;
import dev.researchvault.domain.backup.Backups;
import dev.researchvault.domain.vault.MasterKey;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Backups on demand and automatically after a login (in the background, at most one per UTC calendar day,
 * unless the user turned automatic backups off). Every backup, restore and deletion of a backup runs
 * under the account's lifecycle lock, checked against the session's key generation: a password change
 * re-encrypts the backups under that same lock, so none of them ever races it.
 */
public final class BackupService implements BackupUseCases, AccountEvents {

    private static final Logger LOG = LoggerFactory.getLogger(BackupService.class);

    private final Backups backups;
    private final BackupPolicies policies;
    private final PasswordProof proof;
    private final AccountLifecycle lifecycle;
    private final SessionStore sessions;
    private final Executor background;
    private final Consumer<UserId> vaultReplaced;
    private final Clock clock;
    private final ConcurrentMap<UserId, BackupQueue> queues = new ConcurrentHashMap<>();

    /** What a backup service works with, grouped because they always travel together. */
    public record Collaborators(Backups backups, BackupPolicies policies, PasswordProof proof,
                                AccountLifecycle lifecycle, SessionStore sessions, Executor background,
                                Consumer<UserId> vaultReplaced, Clock clock) {
    }

    /**
     * @param with {@code background} runs automatic backups after logins; {@code vaultReplaced} is told after
     *             a restore, so caches of the user's data can forget what they hold
     */
    public BackupService(Collaborators with) {
        this.backups = with.backups();
        this.policies = with.policies();
        this.proof = with.proof();
        this.lifecycle = with.lifecycle();
        this.sessions = with.sessions();
        this.background = with.background();
        this.vaultReplaced = with.vaultReplaced();
        this.clock = with.clock();
    }

    @Override
    public BackupInfo createBackup(Session session) {
        return backUpAndRetain(session, BackupKind.MANUAL);
    }

    @Override
    public List<BackupInfo> listBackups(Session session) {
        // No lock: a listing must not wait for a backup of a large vault. A backup removed meanwhile is left out
        // by the adapter. A password change or the account's deletion rewrites or removes them file by file, but
        // ends every session first: a listing whose session ended while it read answers 401, not what it saw.
        List<BackupInfo> listed = backups.list(session.userId());
        if (!sessions.isLive(session.token())) {
            throw AccountLifecycle.staleSession();
        }
        return listed;
    }

    @Override
    public void deleteBackup(Session session, String name) {
        boolean deleted = lifecycle.exclusively(session.userId(), () -> {
            lifecycle.requireCurrent(session);
            return backups.delete(session.userId(), name);
        });
        if (!deleted) {
            throw new NotFoundException("backup.not-found", "no backup of that name");
        }
    }

    @Override
    public Optional<BackupInfo> restoreBackup(Session session, String name, String password) {
        try (Password offered = Password.offered(password)) {
            proof.prove(session, offered).destroy();
        }
        Optional<BackupInfo> safety = lifecycle.exclusively(session.userId(), () -> {
            // A password change that committed after the proof made this session's key stale: restoring
            // files under it would leave the account's new key parameters over files no password opens.
            lifecycle.requireCurrent(session);
            return backups.restore(session.userId(), session.key(), name);
        });
        vaultReplaced.accept(session.userId());
        return safety;
    }

    @Override
    public void loggedIn(Session session) {
        if (backedUpToday(session.userId())) {
            return;
        }
        // The session's key may be wiped by a logout before the task runs: the task owns a copy.
        MasterKey key = new MasterKey(session.key().copyBytes());
        Session copy = new Session(session.token(), session.userId(), session.username(), key,
                session.generation(), session.createdAt(), session.expiresAt());
        background.execute(() -> {
            try {
                if (policies.policyOf(session.userId(), key).automatic() && !backedUpToday(session.userId())) {
                    backUpAndRetain(copy, BackupKind.AUTOMATIC);
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
        // Nothing to do: the password change re-encrypted every backup under the new key.
    }

    /**
     * One backup of a user at a time, shared like a group commit ({@link BackupQueue}), each under the
     * account's lock and only while the session's key is current.
     */
    private BackupInfo backUpAndRetain(Session session, BackupKind kind) {
        UserId user = session.userId();
        return queues.computeIfAbsent(user, id -> new BackupQueue()).submit(() -> lifecycle.exclusively(user, () -> {
            lifecycle.requireCurrent(session);
            BackupInfo written = backups.create(user, session.key(), kind);
            BackupPolicy policy = policies.policyOf(user, session.key());
            backups.applyRetention(user, policy, written.name(), clock.instant());
            return written;
        }));
    }

    private boolean backedUpToday(UserId user) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        return backups.lastBackupAt(user)
                .map((Instant at) -> LocalDate.ofInstant(at, ZoneOffset.UTC).equals(today))
                .orElse(false);
    }
}
