package dev.researchvault.adapter.persistence.vault.jdbc;

import java.sql.Connection;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs a WARN line for every statement slower than a threshold ({@code vault.slow-query-threshold},
 * default 100 ms). The line holds the SQL text cut to {@value #MAX_SQL_LENGTH} characters and never a
 * parameter value: values are user content, and the statements are always parameterised.
 */
public final class SlowQueryLog {

    static final int MAX_SQL_LENGTH = 200;
    private static final Logger LOG = LoggerFactory.getLogger(SlowQueryLog.class);

    private final long thresholdNanos;

    public SlowQueryLog(Duration threshold) {
        this.thresholdNanos = threshold.toNanos();
    }

    /** {@code connection}, with its prepared statements timed. */
    public Connection watch(Connection connection) {
        return new TimedConnection(connection, this);
    }

    /** Called by timed statements after each execution. */
    void record(String sql, long elapsedNanos) {
        if (elapsedNanos >= thresholdNanos) {
            LOG.warn("event=query.slow millis={} sql=\"{}\"", elapsedNanos / 1_000_000, shortened(sql));
        }
    }

    static String shortened(String sql) {
        String oneLine = sql == null ? "" : sql.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= MAX_SQL_LENGTH ? oneLine : oneLine.substring(0, MAX_SQL_LENGTH) + "…";
    }
}
