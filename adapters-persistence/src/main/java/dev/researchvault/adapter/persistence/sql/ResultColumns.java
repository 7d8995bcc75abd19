package dev.researchvault.adapter.persistence.sql;

import java.sql.ResultSet;
import java.sql.SQLException;

/** Reads the nullable numbers of a result row, which {@code getLong} would read as 0. */
public final class ResultColumns {

    private ResultColumns() {
    }

    public static Long nullableLong(ResultSet row, String column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? null : value;
    }

    /** The same, by position (1-based): no lookup of the column's name in the result set. */
    public static Long nullableLong(ResultSet row, int column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? null : value;
    }
}
