package dev.researchvault.adapter.persistence.blob;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Lists the owners of stored blobs ({@code <owner>/<index>[.thumb]}) with one primary-key seek per owner (a skip
 * scan): the first key at or after a position, then on past every key of its owner, which all start with
 * {@code <owner>/} and so sort before {@code <owner>0} ('/' < '0'). Costs the number of owners listed, not the
 * number of blobs, and needs no temporary table (a {@code SELECT DISTINCT substr(key, …)} would sort them all).
 */
final class OwnerScan {

    private static final String FIRST_KEY_FROM = "SELECT key FROM blob WHERE key >= ? ORDER BY key LIMIT 1";
    private static final String FIRST_KEY_AFTER = "SELECT key FROM blob WHERE key > ? ORDER BY key LIMIT 1";
    /** Length of a canonical UUID, the owner part of every key a {@code BlobKey} makes. */
    private static final int OWNER_LENGTH = 36;

    private OwnerScan() {
    }

    static List<UUID> run(Connection connection, Optional<UUID> after, int max) throws SQLException {
        List<UUID> owners = new ArrayList<>(Math.min(max, 1024));
        Optional<String> key = firstKey(connection, FIRST_KEY_FROM, after.map(owner -> owner + "0").orElse(""));
        while (key.isPresent() && owners.size() < max) {
            Optional<UUID> owner = ownerOf(key.get());
            if (owner.isPresent()) {
                owners.add(owner.get());
                key = firstKey(connection, FIRST_KEY_FROM, owner.get() + "0");
            } else {
                // Not a key of ours: stepped over one by one, never listed, so never reconciled away.
                key = firstKey(connection, FIRST_KEY_AFTER, key.get());
            }
        }
        return owners;
    }

    private static Optional<String> firstKey(Connection connection, String sql, String position) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, position);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
            }
        }
    }

    /** The canonical UUID in front of the key's first slash; empty for a key of any other form. */
    static Optional<UUID> ownerOf(String key) {
        if (key.length() <= OWNER_LENGTH || key.charAt(OWNER_LENGTH) != '/') {
            return Optional.empty();
        }
        String text = key.substring(0, OWNER_LENGTH);
        try {
            UUID owner = UUID.fromString(text);
            return owner.toString().equals(text) ? Optional.of(owner) : Optional.empty();
        } catch (IllegalArgumentException notAnOwner) {
            return Optional.empty();
        }
    }
}
