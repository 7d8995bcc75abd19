package dev.researchvault.application.health;

/** Whether the storage can serve requests: checked at start-up and by {@code GET /health}. */
public interface StorageHealth {

    /** Runs the checks now (creates and removes a small probe file; takes a few milliseconds). */
    Report check();

    /**
     * @param dataDirectoryWritable the data directory exists and a file can be written in it
     * @param encryptionWorks       an encrypted database can be created, written, and reopened with its key
     */
    record Report(boolean dataDirectoryWritable, boolean encryptionWorks) {
        public boolean healthy() {
            return dataDirectoryWritable && encryptionWorks;
        }
    }
}
