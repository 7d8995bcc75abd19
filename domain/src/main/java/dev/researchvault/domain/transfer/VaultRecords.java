package dev.researchvault.domain.transfer;

import dev.researchvault.domain.blob.BlobKey;
import dev.researchvault.domain.vault.VaultBound;

import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Every record of the bound vault, read and written in bulk for export and import. Each method works on the
 * vault bound by {@code VaultScope.call} and fails when none is bound.
 */
@VaultBound
public interface VaultRecords {

    /**
     * Runs {@code work} over one consistent read snapshot of the vault's records: writes committed while it
     * runs are not seen, and none are blocked. The snapshot ends when {@code work} returns.
     */
    <T> T inSnapshot(Function<Snapshot, T> work);

    /** What a snapshot answers; usable only inside {@link #inSnapshot}. */
    interface Snapshot {

        /** How many records of {@code kind} there are. */
        long count(RecordKind kind);

        /** Hands every record of {@code kind} to {@code each}, in key order, one at a time (never all at once). */
        void forEach(RecordKind kind, Consumer<VaultRecord> each);

        /**
         * Hands the key of every blob a record names (the files and thumbnails of messages, the file of each
         * document) to {@code each}; whether a blob is really stored under it is for the blob store to say.
         */
        void forEachBlobKey(Consumer<BlobKey> each);
    }

    /**
     * Inserts {@code records} of {@code kind} in the current write transaction, each with the ids it has. A
     * record whose id (or unique name) is taken is not inserted and is reported; the others are. References
     * between records are checked when the transaction commits, so kinds may come in any order.
     *
     * @return a description ({@code kind id}) of each record that was not inserted because its key was taken
     * @throws dev.researchvault.domain.RuleViolationException ({@code import.invalid-record}) for a field the
     *         kind does not have, or a value a column refuses (a CHECK, a missing required value)
     */
    List<String> insert(RecordKind kind, Iterator<VaultRecord> records);

    /**
     * Ends the current write transaction's import: checks every reference between records.
     *
     * @throws dev.researchvault.domain.RuleViolationException ({@code import.invalid-reference}) when a record
     *         refers to one that exists neither in the import nor in the vault
     */
    void checkReferences();
}
