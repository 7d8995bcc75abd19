package dev.researchvault.adapter.persistence.vault;

import java.sql.SQLException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.IntPredicate;
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
        return primaryCode(failure, SqliteErrors::isBusyCode).isPresent();
    }

    /** Whether {@code primary} is SQLITE_BUSY or SQLITE_LOCKED: the file was fine, only taken. */
    static boolean isBusyCode(int primary) {
        return primary == SQLiteErrorCode.SQLITE_BUSY.code || primary == SQLiteErrorCode.SQLITE_LOCKED.code;
    }

    /**
     * The primary result code of the first {@link SQLException} in the cause chain whose primary code is
     * {@code wanted} (extended codes carry the primary one in their low byte); empty when there is none.
     */
    static OptionalInt primaryCode(Throwable failure, IntPredicate wanted) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable cause = failure; cause != null && seen.add(cause); cause = cause.getCause()) {
            if (cause instanceof SQLException sql && wanted.test(sql.getErrorCode() & 0xFF)) {
                return OptionalInt.of(sql.getErrorCode() & 0xFF);
            }
        }
        return OptionalInt.empty();
    }
}
