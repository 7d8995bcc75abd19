package dev.researchvault.adapter.persistence.sql;

import dev.researchvault.domain.Page;
import dev.researchvault.domain.PageCursor;
import dev.researchvault.domain.PageRequest;
import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.data.exceptions.DataAccessException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A newest-first list of one table, ordered {@code time DESC, rowid DESC}, with its three statements written once:
 * a page by number, a page after a cursor ({@link ListCursors}), and the total. Every list of the vault (research,
 * chats, agents, executions, …) is one of these, built from its table, its columns and its time column; each call
 * names the filters it has ({@link ListFilter}), and the statement is written for exactly those, so that each
 * combination reads the index of its leading filter (an {@code (:x IS NULL OR x = :x)} would hide every index).
 * Plain JDBC on the connection Micronaut holds for the bound vault, so a surrounding transaction is joined.
 *
 * <p>After a cursor the statement is the union of two index ranges merged in list order: the rest of the cursor's
 * millisecond ({@code time = ? AND rowid < ?}) and everything older ({@code time < ?}). The single row value
 * {@code (time, rowid) < (?, ?)} gives the same rows, but SQLite seeks it on the time alone and then walks every
 * row of that millisecond newer than the cursor: 28 ms in the middle of 200,000 rows of one millisecond, against
 * 0.1 ms for the two ranges (ResearchListPlanSpec). Page numbers keep a single range: as arms of a union their
 * skipped rows would each be read from the table, which a plain {@code OFFSET} skips on the index (6 times slower
 * at offset 100,000 in a plain file, more when every page read is decrypted).
 *
 * <p>Without filters the total is the table's {@code row_count} row, kept by triggers (V5__row_counts.sql):
 * counting a table walks all of its index.
 */
public final class NewestFirstList<R> {

    /** Reads one row of the list's columns (the current row of {@code row}); the position is read here. */
    @FunctionalInterface
    public interface RowReader<R> {
        R read(ResultSet row) throws SQLException;
    }

    /**
     * What a list reads.
     *
     * @param listing the list its cursors belong to
     * @param from    the table, with an alias when columns use one ({@code chat c})
     * @param rowid   the table's rowid as the columns name it ({@code rowid}, {@code c.rowid})
     * @param time    the list's time column as the columns name it ({@code created_at}, {@code c.updated_at})
     * @param columns the select list after the position
     */
    public record Shape(PageCursor.Listing listing, String from, String rowid, String time, String columns) {

        /** The time column's name in the result, which the union's ORDER BY must use. */
        String timeLabel() {
            return time.substring(time.indexOf('.') + 1);
        }

        String table() {
            return from.split(" ")[0];
        }
    }

    private final ConnectionOperations<Connection> connections;
    private final Shape shape;
    private final RowReader<R> reader;

    public NewestFirstList(ConnectionOperations<Connection> connections, Shape shape, RowReader<R> reader) {
        this.connections = connections;
        this.shape = shape;
        this.reader = reader;
    }

    /**
     * The page {@code request} asks for, of the rows every given filter accepts; null filters are ignored.
     *
     * @throws dev.researchvault.domain.RuleViolationException {@code page.invalid-cursor} for another list's cursor
     */
    public Page<R> page(PageRequest request, ListFilter... filters) {
        List<ListFilter> given = Arrays.stream(filters).filter(Objects::nonNull).toList();
        PageCursor after = request.cursorOf(shape.listing());
        return connections.executeRead(status -> {
            Connection connection = status.getConnection();
            List<Positioned<R>> rows = after == null
                    ? read(connection, byNumberSql(given), values(given, request.lookahead(), request.offset()))
                    : read(connection, afterCursorSql(given), afterCursorValues(given, after, request.lookahead()));
            long total = count(connection, given);
            return Page.sliced(rows, request, total, Positioned::cursor).map(Positioned::row);
        });
    }

    /** The statement of a page by number with these filters: {@code LIMIT ? OFFSET ?} after the filters' values. */
    public String byNumberSql(List<ListFilter> filters) {
        return select() + where(filters, "") + " ORDER BY " + shape.time() + " DESC, " + shape.rowid()
                + " DESC LIMIT ? OFFSET ?";
    }

    /** The statement of a page after a cursor: filters' values, time, rowid, filters' values, time, limit. */
    public String afterCursorSql(List<ListFilter> filters) {
        return select() + where(filters, shape.time() + " = ? AND " + shape.rowid() + " < ?") + " UNION ALL "
                + select() + where(filters, shape.time() + " < ?")
                + " ORDER BY " + shape.timeLabel() + " DESC, position DESC LIMIT ?";
    }

    /** The statement of the total with these filters. */
    public String countSql(List<ListFilter> filters) {
        if (filters.isEmpty()) {
            return "SELECT row_count FROM row_count WHERE table_name = '" + shape.table() + "'";
        }
        return "SELECT COUNT(*) FROM " + shape.from() + where(filters, "");
    }

    private String select() {
        return "SELECT " + shape.rowid() + " AS position, " + shape.columns() + " FROM " + shape.from();
    }

    /** The first filter leads, the others check; {@code range} (the cursor's, if any) comes last. */
    private static String where(List<ListFilter> filters, String range) {
        List<String> conditions = new ArrayList<>();
        for (int i = 0; i < filters.size(); i++) {
            conditions.add(i == 0 ? filters.get(0).leading() : filters.get(i).check());
        }
        if (!range.isEmpty()) {
            conditions.add(range);
        }
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    private static List<Object> values(List<ListFilter> filters, Object... more) {
        List<Object> values = new ArrayList<>();
        filters.forEach(filter -> values.addAll(filter.values()));
        values.addAll(Arrays.asList(more));
        return values;
    }

    private static List<Object> afterCursorValues(List<ListFilter> filters, PageCursor after, int limit) {
        String time = ListCursors.storedTime(after);
        List<Object> values = values(filters, time, after.sequence());
        values.addAll(values(filters, time, limit));
        return values;
    }

    private List<Positioned<R>> read(Connection connection, String sql, List<Object> values) {
        try (PreparedStatement statement = prepare(connection, sql, values); ResultSet rows = statement.executeQuery()) {
            List<Positioned<R>> read = new ArrayList<>();
            while (rows.next()) {
                PageCursor cursor = ListCursors.past(shape.listing(), rows.getString(shape.timeLabel()),
                        rows.getLong("position"));
                read.add(new Positioned<>(reader.read(rows), cursor));
            }
            return read;
        } catch (SQLException failure) {
            throw failed(failure);
        }
    }

    private long count(Connection connection, List<ListFilter> filters) {
        try (PreparedStatement statement = prepare(connection, countSql(filters), values(filters));
             ResultSet rows = statement.executeQuery()) {
            return rows.next() ? rows.getLong(1) : 0;
        } catch (SQLException failure) {
            throw failed(failure);
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, List<Object> values)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < values.size(); i++) {
            statement.setObject(i + 1, values.get(i));
        }
        return statement;
    }

    /** The SQLite error code only: the message may quote the statement's values (user content). */
    private DataAccessException failed(SQLException failure) {
        return new DataAccessException(shape.table() + " list read failed (SQLite error " + failure.getErrorCode()
                + ")", failure);
    }

    /** A row with the cursor past it. */
    private record Positioned<R>(R row, PageCursor cursor) {
    }
}
