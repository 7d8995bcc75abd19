package dev.researchvault.domain.backup;

/** Why a backup was taken. */
public enum BackupKind {
    /** Asked for ({@code POST /backups}). */
    MANUAL,
    /** After a login, at most once a day. */
    AUTOMATIC,
    /** Forced before a new release migrates the vault. */
    BEFORE_MIGRATION,
    /** The live vault just before a restore replaced it, so the restore can be undone. */
    BEFORE_RESTORE
}
