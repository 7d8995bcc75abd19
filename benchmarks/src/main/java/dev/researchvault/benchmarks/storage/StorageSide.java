package dev.researchvault.benchmarks.storage;

/**
 * One way of storing the benchmark's rows: through our adapters, or the same SQL over raw JDBC. Every
 * operation returns something derived from what it read, so JMH cannot drop the work as dead code.
 */
interface StorageSide extends AutoCloseable {

    /** Inserts one new research row. */
    Object insertResearch() throws Exception;

    /** Reads one seeded research by id. */
    Object findResearch() throws Exception;

    /** Reads the newest 20 research rows and the total count (what a list request answers). */
    Object pageOf20() throws Exception;

    /** Appends one numbered log line to a seeded research and reads it back, in one transaction. */
    Object appendLog() throws Exception;

    /** Reads the user's setting overrides. */
    Object readSettings() throws Exception;

    /** Stores (replaces) a 64 KiB blob. */
    Object saveBlob() throws Exception;

    /** Reads a seeded 64 KiB blob with its metadata. */
    Object getBlob() throws Exception;

    @Override
    void close() throws Exception;
}
