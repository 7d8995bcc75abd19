package dev.researchvault.adapter.persistence.usage;

import dev.researchvault.adapter.persistence.sql.SqlTimes;
import dev.researchvault.adapter.persistence.sql.StoredUsage;
import dev.researchvault.domain.usage.UsageGrouping;
import dev.researchvault.domain.usage.UsageLedger;
import dev.researchvault.domain.usage.UsageTotal;
import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.data.exceptions.DataAccessException;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@link UsageLedger} over the bound user's {@code vault.db}: the whole UTC days of the range from the day sums
 * ({@link UsageDays}), the partial days at its ends from one grouped statement per table that records usage
 * ({@link UsageSource}), all merged here by key. Costs stay whole micro-dollars (longs) until the end, so sums are
 * exact. Plain JDBC: the statements are aggregates over three tables, which no entity repository holds; the
 * connection comes from Micronaut's connection operations, so a surrounding transaction is joined.
 */
@Singleton
final class JdbcUsageLedger implements UsageLedger {

    private final ConnectionOperations<Connection> connections;

    JdbcUsageLedger(@Named("default") ConnectionOperations<Connection> connections) {
        this.connections = connections;
    }

    @Override
    public List<UsageTotal> totals(Instant from, Instant to, UsageGrouping grouping) {
        UsageDays days = UsageDays.within(from, to);
        return connections.executeRead(status -> {
            Connection connection = status.getConnection();
            Map<String, Sum> groups = new TreeMap<>(Comparator.nullsFirst(Comparator.naturalOrder()));
            if (days.isEmpty()) {
                addCalls(connection, grouping, from, to, groups);
            } else {
                addCalls(connection, grouping, from, days.start(), groups);
                addGroups(connection, UsageDays.sql(grouping), days.firstDay(), days.endDay(), groups);
                addCalls(connection, grouping, days.end(), to, groups);
            }
            return groups.entrySet().stream().map(group -> group.getValue().total(group.getKey())).toList();
        });
    }

    /** The calls in {@code [from, to)} read one by one from each source's index; nothing when the range is empty. */
    private static void addCalls(Connection connection, UsageGrouping grouping, Instant from, Instant to,
                                 Map<String, Sum> groups) {
        if (!from.isBefore(to)) {
            return;
        }
        String start = SqlTimes.format(from);
        String end = SqlTimes.format(to);
        for (UsageSource source : UsageSource.values()) {
            addGroups(connection, source.sql(grouping), start, end, groups);
        }
    }

    private static void addGroups(Connection connection, String sql, String start, String end, Map<String, Sum> groups) {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, start);
            statement.setString(2, end);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    groups.computeIfAbsent(rows.getString(1), key -> new Sum())
                            .add(rows.getLong(2), rows.getLong(3), rows.getLong(4), rows.getLong(5));
                }
            }
        } catch (SQLException failure) {
            throw new DataAccessException("usage read failed (SQLite error " + failure.getErrorCode() + ")", failure);
        }
    }

    /** The running sums of one group. {@code getLong} reads a NULL sum (no cost known) as 0. */
    private static final class Sum {
        private long promptTokens;
        private long completionTokens;
        private long costMicros;
        private long calls;

        void add(long prompt, long completion, long cost, long count) {
            promptTokens += prompt;
            completionTokens += completion;
            costMicros += cost;
            calls += count;
        }

        UsageTotal total(String key) {
            return new UsageTotal(key, promptTokens, completionTokens, StoredUsage.dollars(costMicros), calls);
        }
    }
}
