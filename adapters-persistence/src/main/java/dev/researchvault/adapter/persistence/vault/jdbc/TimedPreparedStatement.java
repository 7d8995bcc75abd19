package dev.researchvault.adapter.persistence.vault.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.PreparedStatement;

/** A {@link PreparedStatement} that tells {@link SlowQueryLog} how long each {@code execute*} took. */
final class TimedPreparedStatement extends DelegatingPreparedStatement {

    private final String sql;
    private final SlowQueryLog log;

    TimedPreparedStatement(PreparedStatement delegate, String sql, SlowQueryLog log) {
        super(delegate);
        this.sql = sql;
        this.log = log;
    }

    /** A JDBC call that may throw. */
    @FunctionalInterface
    private interface SqlCall<T> {
        T run() throws SQLException;
    }

    /** Runs one execute call and reports its duration for {@code statementSql}, whether it succeeds or not. */
    private <T> T timed(String statementSql, SqlCall<T> call) throws SQLException {
        long start = System.nanoTime();
        try {
            return call.run();
        } finally {
            log.record(statementSql, System.nanoTime() - start);
        }
    }

    @Override
    public boolean execute() throws SQLException {
        return timed(sql, () -> delegate.execute());
    }
    @Override
    public boolean execute(String a0, int[] a1) throws SQLException {
        return timed(a0, () -> delegate.execute(a0, a1));
    }
    @Override
    public boolean execute(String a0, String[] a1) throws SQLException {
        return timed(a0, () -> delegate.execute(a0, a1));
    }
    @Override
    public boolean execute(String a0, int a1) throws SQLException {
        return timed(a0, () -> delegate.execute(a0, a1));
    }
    @Override
    public boolean execute(String a0) throws SQLException {
        return timed(a0, () -> delegate.execute(a0));
    }
    @Override
    public int[] executeBatch() throws SQLException {
        return timed(sql, () -> delegate.executeBatch());
    }
    @Override
    public long[] executeLargeBatch() throws SQLException {
        return timed(sql, () -> delegate.executeLargeBatch());
    }
    @Override
    public long executeLargeUpdate() throws SQLException {
        return timed(sql, () -> delegate.executeLargeUpdate());
    }
    @Override
    public long executeLargeUpdate(String a0, int[] a1) throws SQLException {
        return timed(a0, () -> delegate.executeLargeUpdate(a0, a1));
    }
    @Override
    public long executeLargeUpdate(String a0, String[] a1) throws SQLException {
        return timed(a0, () -> delegate.executeLargeUpdate(a0, a1));
    }
    @Override
    public long executeLargeUpdate(String a0, int a1) throws SQLException {
        return timed(a0, () -> delegate.executeLargeUpdate(a0, a1));
    }
    @Override
    public long executeLargeUpdate(String a0) throws SQLException {
        return timed(a0, () -> delegate.executeLargeUpdate(a0));
    }
    @Override
    public ResultSet executeQuery() throws SQLException {
        return timed(sql, () -> delegate.executeQuery());
    }
    @Override
    public ResultSet executeQuery(String a0) throws SQLException {
        return timed(a0, () -> delegate.executeQuery(a0));
    }
    @Override
    public int executeUpdate() throws SQLException {
        return timed(sql, () -> delegate.executeUpdate());
    }
    @Override
    public int executeUpdate(String a0, int[] a1) throws SQLException {
        return timed(a0, () -> delegate.executeUpdate(a0, a1));
    }
    @Override
    public int executeUpdate(String a0, String[] a1) throws SQLException {
        return timed(a0, () -> delegate.executeUpdate(a0, a1));
    }
    @Override
    public int executeUpdate(String a0, int a1) throws SQLException {
        return timed(a0, () -> delegate.executeUpdate(a0, a1));
    }
    @Override
    public int executeUpdate(String a0) throws SQLException {
        return timed(a0, () -> delegate.executeUpdate(a0));
    }
}
