package dev.researchvault.application.health;

/** Whether the storage can serve requests: checked at start-up and by {@code GET /health}. */
public interface StorageHealth {

    /**
     * Runs the checks now (writes and removes small probe files; takes a few milliseconds). Never throws,
     * never changes the data directory's permissions, and leaves no file behind whatever fails.
     */
    Report check();

    /** What the data directory takes. */
    enum Storage {
        /** A file can be written there. */
        WRITABLE,
        /** It may be written, but no space (or quota) is left: what exists can be read, nothing new written. */
        FULL,
        /**
         * The server may not write there: its mode has no owner write bit (an operator's read-only mode, honoured
         * even when the server runs as root), a read-only mount, an immutable flag, or another refusal.
         */
        READ_ONLY,
        /** It does not exist and cannot be created, or is not a directory. */
        MISSING
    }

    /**
     * @param storage         what the data directory takes
     * @param encryptionWorks an encrypted database could be created, written, and reopened with its key there;
     *                        checked only when the storage is {@link Storage#WRITABLE} (it needs a new file),
     *                        false otherwise
     */
    record Report(Storage storage, boolean encryptionWorks) {

        /** The data directory exists and a file could be written in it. */
        public boolean dataDirectoryWritable() {
            return storage == Storage.WRITABLE;
        }

        /** Everything works: reads and writes. */
        public boolean healthy() {
            return dataDirectoryWritable() && encryptionWorks;
        }

        /** Reads go on but writes are refused (full or read-only storage): the server is degraded, not down. */
        public boolean degraded() {
            return storage == Storage.FULL || storage == Storage.READ_ONLY;
        }
    }
}
