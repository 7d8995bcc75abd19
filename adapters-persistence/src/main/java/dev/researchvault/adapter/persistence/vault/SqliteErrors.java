package dev.researchvault.adapter.persistence.vault;

import java.sql.SQLException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.sqlite.SQLiteErrorCode;

/** Reading SQLite's result codes out of whatever exception chain a framework wrapped them in. */
public final class SqliteErrors {

    private SqliteErrors() {
    }

    /**
     * Whether a {@link SQLException} with SQLITE_BUSY or SQLITE_LOCKED (extended codes included: their low byte
     * is the primary code) is in the cause chain: another writer held the file longer than the busy timeout.
     */
    public static boolean isBusy(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable cause = failure; cause != null && seen.add(cause); cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                int primary = sql.getErrorCode() & 0xFF;
                if (primary == SQLiteErrorCode.SQLITE_BUSY.code || primary == SQLiteErrorCode.SQLITE_LOCKED.code) {
                    return true;
                }
            }
        }
        return false;
    }
}
