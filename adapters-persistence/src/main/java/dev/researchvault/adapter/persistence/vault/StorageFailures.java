package dev.researchvault.adapter.persistence.vault;

import dev.researchvault.domain.StorageFullException;
import dev.researchvault.domain.UnavailableException;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.sqlite.SQLiteErrorCode;

/**
 * The persistence edge's translation of SQLite storage failures into the domain's errors, so that no layer
 * above it — the web adapter included — knows SQLite's result codes. Looks through the causes, because
 * Micronaut Data wraps the driver's exception. {@link OpenVaults#call} applies it to whatever a unit of work
 * on a vault throws; adapters that can do better for a caller use {@link #refusedWrite} first.
 */
public final class StorageFailures {

    private static final int FULL = SQLiteErrorCode.SQLITE_FULL.code;
    private static final int READ_ONLY = SQLiteErrorCode.SQLITE_READONLY.code;

    /**
     * Primary codes that mean the storage, not our code, failed: read-only, I/O error, corrupt, cannot open,
     * not a database — and full, and busy or locked ({@link SqliteErrors#isBusyCode}). A SQL error or a
     * constraint is none of these: the fault is ours, and it stays a 500.
     */
    private static final Set<Integer> DAMAGED_OR_UNREACHABLE = Set.of(READ_ONLY,
            SQLiteErrorCode.SQLITE_IOERR.code, SQLiteErrorCode.SQLITE_CORRUPT.code, SQLiteErrorCode.SQLITE_CANTOPEN.code,
            SQLiteErrorCode.SQLITE_NOTADB.code);

    private StorageFailures() {
    }

    /**
     * The domain error for a storage failure somewhere in {@code failure}'s causes: a busy file is
     * {@code vault.busy} (try again shortly); a full disk {@link StorageFullException} (reads go on); anything
     * else {@code vault.unavailable}, which points at the integrity check. Empty when it is no storage failure.
     */
    public static Optional<UnavailableException> of(Throwable failure) {
        OptionalInt primary = SqliteErrors.primaryCode(failure, StorageFailures::isStorageFailure);
        return primary.isPresent() ? Optional.of(ofCode(primary.getAsInt())) : Optional.empty();
    }

    /**
     * {@code storage.full} or {@code storage.read-only} when one of the causes says so: a write the storage
     * refused, which leaves the vault readable. The callers that can go on reading (a login recording its
     * unlock time) need to tell it from a damaged vault, which {@link #of} would not.
     */
    public static Optional<UnavailableException> refusedWrite(Throwable failure) {
        OptionalInt primary = SqliteErrors.primaryCode(failure, code -> code == FULL || code == READ_ONLY);
        if (primary.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(primary.getAsInt() == FULL ? new StorageFullException()
                : new UnavailableException("storage.read-only", "the storage is read-only: reading works, writing does not"));
    }

    /** {@code vault.busy}: other writes held the vault past the busy timeout; nothing is wrong with the files. */
    public static UnavailableException busy() {
        return new UnavailableException("vault.busy", "the vault is busy with other writes; try again shortly");
    }

    private static boolean isStorageFailure(int primary) {
        return primary == FULL || SqliteErrors.isBusyCode(primary) || DAMAGED_OR_UNREACHABLE.contains(primary);
    }

    private static UnavailableException ofCode(int primary) {
        if (SqliteErrors.isBusyCode(primary)) {
            return busy();
        }
        if (primary == FULL) {
            return new StorageFullException();
        }
        return new UnavailableException("vault.unavailable",
                "the vault cannot be read or written right now; check GET /api/v1/vault/integrity");
    }
}
