package dev.researchvault.reliability.lifecycle

/**
 * What the FIXED server answers (issue 12; invariants in docs/architecture.md "The life of a vault"), in one place. The model
 * ({@link Interpreter}) asks only these; when the fixed server ends up differing in a detail, change it
 * here (or with the system property named next to it) and nowhere else.
 */
class Expectations {

    /** Answers the loser of a race between two operations of one user may get, with no effect at all. */
    static final Set<Integer> BUSY = [409, 503] as Set

    /**
     * Answers that refuse a password-confirming operation (change password, restore, delete account) with no effect:
     * 401 for a session that ended, 403 {@code account.password-mismatch} for a wrong password on a live session
     * (issue 18: a wrong confirmation must not look like an ended session).
     */
    static final Set<Integer> REFUSED = [401, 403] as Set

    /**
     * Backups taken before a password change stay listed and restorable with the new password (the
     * server re-encrypts them). The current server deletes them instead (docs/backups.md "after a password
     * change"); -Dlifecycle.expect.backups-survive-password-change=false models that.
     */
    static final boolean BACKUPS_SURVIVE_PASSWORD_CHANGE =
            flag('lifecycle.expect.backups-survive-password-change', true)

    /** A password change ends every session of the user, the caller's included. */
    static final boolean PASSWORD_CHANGE_ENDS_ALL_SESSIONS = true

    /** A restore keeps the current password and every session of the user (the caller's and the others). */
    static final boolean RESTORE_KEEPS_SESSIONS = true

    /** A restore may first take a "safety" backup of the live vault (the fixed server does; tolerated either way). */
    static final boolean RESTORE_MAY_ADD_BACKUP = true

    /**
     * A password change takes no backup: it re-encrypts the existing ones. (The server before issue 12 took one
     * under the new key; modelling that here attributed an automatic post-login backup that happened to be
     * written during a change to the change, with the wrong content, and a restore of it looked like data loss.)
     */
    static final boolean PASSWORD_CHANGE_MAY_ADD_BACKUP =
            !flag('lifecycle.expect.backups-survive-password-change', true)

    /** An acknowledged delete leaves no file of the user anywhere in the data directory (not even quarantine/). */
    static final boolean ACKNOWLEDGED_DELETE_LEAVES_NOTHING = true

    /** A write that answered one of these (with no effect claimed) must not show up later. */
    static final Set<Integer> WRITE_REFUSALS_WITHOUT_EFFECT = [401, 409, 503] as Set

    /**
     * The backup retention the spec sets per user (backup.max_count; 30 is its maximum): known backups may
     * vanish only when this many are listed.
     */
    static final int BACKUP_MAX_COUNT = 30

    /** Server start-up properties: no login lockout in the way of the password checks. */
    static final Map<String, Object> SERVER_PROPERTIES = ['login.max-failures': 100000, 'login.max-failures-per-account': 100000]

    /**
     * Names in a user's directory or backup directory that must not survive a completed step: staged copies
     * of a restore or password change (and their journals), temporary backup directories.
     */
    static boolean isLeftover(String fileName, boolean inBackups) {
        if (inBackups) {
            return fileName.startsWith('.tmp-')
        }
        fileName.contains('.restore') || fileName.contains('.rekey') || fileName.startsWith('.tmp-')
    }

    private static boolean flag(String name, boolean otherwise) {
        String value = System.getProperty(name)
        value == null || value.isEmpty() ? otherwise : Boolean.parseBoolean(value)
    }
}
