package dev.researchvault.adapter.persistence.vault;

import java.sql.SQLException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.function.Predicate;
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
     * Whether the cause chain holds SQLite's refusal of a row that would repeat a value of a UNIQUE column or
     * index: {@code qualifiedColumn} as SQLite names it in its message ({@code agent.name}). Other constraints
     * (a foreign key, a CHECK, another unique column) are not this one.
     */
    public static boolean isUniqueViolation(Throwable failure, String qualifiedColumn) {
        return firstSqlCause(failure, sql -> primary(sql) == SQLiteErrorCode.SQLITE_CONSTRAINT.code
                && sql.getMessage() != null && sql.getMessage().contains("UNIQUE constraint failed: " + qualifiedColumn))
                .isPresent();
    }

    /**
     * The primary result code of the first {@link SQLException} in the cause chain whose primary code is
     * {@code wanted} (extended codes carry the primary one in their low byte); empty when there is none.
     */
    static OptionalInt primaryCode(Throwable failure, IntPredicate wanted) {
        return firstSqlCause(failure, sql -> wanted.test(primary(sql)))
                .map(sql -> OptionalInt.of(primary(sql))).orElseGet(OptionalInt::empty);
    }

    private static int primary(SQLException sql) {
        return sql.getErrorCode() & 0xFF;
    }

    private static Optional<SQLException> firstSqlCause(Throwable failure, Predicate<SQLException> test) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable cause = failure; cause != null && seen.add(cause); cause = cause.getCause()) {
            if (cause instanceof SQLException sql && test.test(sql)) {
                return Optional.of(sql);
            }
        }
        return Optional.empty();
    }
}
