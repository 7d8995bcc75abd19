package dev.researchvault.adapter.persistence.vault;

import dev.researchvault.domain.UnavailableException;
import java.sql.SQLException;
import java.util.Optional;
import org.sqlite.SQLiteErrorCode;

/**
 * Tells a write the storage refused (a full disk, a read-only mount) from a damaged vault: the first leaves
 * the vault readable, and the callers that can go on reading (a login recording its unlock time) need to
 * know which it was. Looks through the causes, because Micronaut Data wraps the driver's exception.
 */
public final class StorageFailures {

    private StorageFailures() {
    }

    /** {@code storage.full} or {@code storage.read-only} when one of the causes says so. */
    public static Optional<UnavailableException> refusedWrite(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql) {
                int primary = sql.getErrorCode() & 0xFF;
                if (primary == SQLiteErrorCode.SQLITE_FULL.code) {
                    return Optional.of(new UnavailableException("storage.full",
                            "the disk is full: reading works, writing does not until space is freed"));
                }
                if (primary == SQLiteErrorCode.SQLITE_READONLY.code) {
                    return Optional.of(new UnavailableException("storage.read-only",
                            "the storage is read-only: reading works, writing does not"));
                }
            }
        }
        return Optional.empty();
    }
}
