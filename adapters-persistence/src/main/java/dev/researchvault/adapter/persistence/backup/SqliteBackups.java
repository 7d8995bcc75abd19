package dev.researchvault.adapter.persistence.backup;

import dev.researchvault.adapter.persistence.vault.files.FileKeys;
import dev.researchvault.adapter.persistence.vault.files.IntegrityCheck;
import dev.researchvault.adapter.persistence.vault.files.KdfRowFile;
import dev.researchvault.adapter.persistence.vault.files.KeyedConnections;
import dev.researchvault.adapter.persistence.vault.files.SqlCipher;
import dev.researchvault.adapter.persistence.vault.VaultFile;
import dev.researchvault.adapter.persistence.vault.VaultFileReplacement;
import dev.researchvault.adapter.persistence.vault.VaultLayout;
import dev.researchvault.application.vault.VaultScope;
import dev.researchvault.domain.ConflictException;
import dev.researchvault.domain.NotFoundException;
import dev.researchvault.domain.account.UserId;
import dev.researchvault.domain.backup.BackupFiles;
import dev.researchvault.domain.backup.BackupInfo;
import dev.researchvault.domain.backup.BackupKind;
import dev.researchvault.domain.backup.BackupPolicy;
import dev.researchvault.domain.backup.Backups;
import dev.researchvault.domain.vault.MasterKey;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link Backups} as directories of encrypted SQLite copies under {@code <data-dir>/backups/<user-id>/}. One
 * backup, restore or retention of a user at a time is the caller's rule (the account's lifecycle lock).
 */
public final class SqliteBackups implements Backups {

    private static final Logger LOG = LoggerFactory.getLogger(SqliteBackups.class);

    private final VaultLayout layout;
    private final SqlCipher.ConnectionSettings settings;
    private final BackupWriter writer;
    private final BackupCatalog catalog;
    private final Clock clock;
    private final VaultScope leases;
    private final VaultFileReplacement replacement;

    /**
     * {@code leases} keeps the vault from being re-keyed, restored or deleted while a backup reads it (the
     * engine's {@code OpenVaults}); {@code replacement} swaps the live files at a restore (the engine).
     */
    public SqliteBackups(VaultLayout layout, SqlCipher.ConnectionSettings settings, Clock clock, VaultScope leases,
                         VaultFileReplacement replacement) {
        this.layout = layout;
        this.settings = settings;
        this.writer = new BackupWriter(layout, settings);
        this.catalog = new BackupCatalog(layout);
        this.clock = clock;
        this.leases = leases;
        this.replacement = replacement;
    }

    /**
     * Copies through read-only connections of its own, opened and closed for this backup, while holding a
     * lease on the open vault (so no re-key, restore or deletion runs meanwhile). Not through the vault's
     * pool: the backup after a login runs beside the login's own requests, and a second pooled connection
     * per file would stay open (and cost native memory) for as long as the vault does.
     */
    @Override
    public BackupInfo create(UserId user, MasterKey key, BackupKind kind) {
        KeyedConnections direct = new KeyedConnections(layout, user, key, settings);
        BackupInfo info = leases.call(user, key,
                () -> writer.write(user, key, kind, clock.instant(), direct::open));
        LOG.info("event=backup.written user={} name={} kind={} bytes={} sourceIntact={}", user, info.name(), kind,
                info.sizeBytes(), info.sourceIntact().orElse(false));
        return info;
    }

    @Override
    public List<BackupInfo> list(UserId user) {
        return catalog.list(user);
    }

    @Override
    public Optional<Instant> lastBackupAt(UserId user) {
        return catalog.list(user).stream().findFirst().map(BackupInfo::createdAt);
    }

    @Override
    public boolean delete(UserId user, String name) {
        return catalog.delete(user, name);
    }

    @Override
    public int applyRetention(UserId user, BackupPolicy policy, String justWritten, Instant now) {
        catalog.removeStaleTemporaries(user, now);
        List<BackupInfo> all = catalog.list(user);
        Optional<String> newestIntact = all.stream().filter(backup -> backup.sourceIntact().orElse(false))
                .map(BackupInfo::name).findFirst();
        Instant oldestKept = now.minus(java.time.Duration.ofDays(policy.maxAgeDays()));
        List<String> doomed = new ArrayList<>();
        int kept = 0;
        for (BackupInfo backup : all) {
            boolean keep = backup.name().equals(justWritten)
                    || newestIntact.filter(backup.name()::equals).isPresent()
                    || (kept < policy.maxCount() && !backup.createdAt().isBefore(oldestKept));
            if (keep) {
                kept++;
            } else {
                doomed.add(backup.name());
            }
        }
        return (int) doomed.stream().filter(name -> catalog.deleteQuietly(user, name)).count();
    }

    @Override
    public Optional<BackupInfo> restore(UserId user, MasterKey key, String name) {
        Path backup = catalog.directory(user, name)
                .orElseThrow(() -> new NotFoundException("backup.not-found", "no backup of that name"));
        requireSameKey(user, backup);
        Map<VaultFile, Path> sources = verified(user, key, name, backup);
        KeyedConnections direct = new KeyedConnections(layout, user, key, settings);
        AtomicReference<BackupInfo> safety = new AtomicReference<>();
        replacement.replaceFiles(user, sources, () -> safety.set(safetyCopy(user, key, direct)));
        LOG.info("event=backup.restored user={} name={}", user, name);
        return Optional.ofNullable(safety.get());
    }

    @Override
    public Optional<BackupFiles> open(UserId user, String name) {
        return catalog.directory(user, name).flatMap(BackupReader::open);
    }

    /** A backup made under another key (one whose re-encryption failed at a password change) cannot restore. */
    private void requireSameKey(UserId user, Path backup) {
        var live = KdfRowFile.read(layout.userDir(user).resolve(KdfRowFile.NAME));
        var copy = KdfRowFile.read(backup.resolve(KdfRowFile.NAME));
        if (live.isPresent() && copy.isPresent() && !live.equals(copy)) {
            throw new ConflictException("backup.other-key",
                    "the backup was made under an earlier password and could not be re-encrypted; the vault was not changed");
        }
    }

    /** Both copies pass a full integrity check with the vault's keys; the result is recorded in the manifest. */
    private Map<VaultFile, Path> verified(UserId user, MasterKey key, String name, Path backup) {
        Map<VaultFile, Path> sources = new EnumMap<>(VaultFile.class);
        boolean ok = true;
        for (VaultFile file : VaultFile.values()) {
            Path copy = backup.resolve(file.fileName());
            byte[] rawKey = FileKeys.derive(key, file);
            try {
                ok &= IntegrityCheck.check(copy, rawKey, file, settings, "integrity_check").isEmpty();
            } finally {
                Arrays.fill(rawKey, (byte) 0);
            }
            sources.put(file, copy);
        }
        BackupInfo before = BackupManifest.read(backup, name, catalog.createdAt(name));
        BackupManifest.write(backup, new BackupInfo(name, before.createdAt(), before.sizeBytes(), ok, before.kind(),
                before.sourceIntact(), clock.instant(), "integrity_check"));
        if (!ok) {
            throw new ConflictException("backup.corrupt", "the backup failed verification; the vault was not changed");
        }
        return sources;
    }

    /**
     * The live files as they are just before a restore, taken while the vault is closed (nothing writes),
     * so the restore can be undone. A damaged vault may not copy: the restore goes on without it, because
     * replacing a damaged vault is what its owner asked for.
     */
    private BackupInfo safetyCopy(UserId user, MasterKey key, KeyedConnections direct) {
        try {
            return writer.write(user, key, BackupKind.BEFORE_RESTORE, clock.instant(), direct::open);
        } catch (RuntimeException failure) {
            LOG.warn("event=backup.safety-copy-failed user={} error={}", user, failure.getClass().getSimpleName());
            return null;
        }
    }
}
