package dev.researchvault.adapter.persistence.backup;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Backup names are the UTC creation time to the millisecond, e.g. {@code 20261123T185012345Z}, with a
 * {@code -N} suffix in the rare case of two in one millisecond. Nothing else is ever accepted as a name, so
 * a name from a request can never point outside the user's backup directory.
 */
final class BackupNames {

    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC);
    private static final Pattern NAME = Pattern.compile("(\\d{8}T\\d{9}Z)(-\\d{1,3})?");

    private BackupNames() {
    }

    static String forTime(Instant createdAt) {
        return FORMAT.format(createdAt);
    }

    /** The creation time a valid name encodes; empty for anything that is not a backup name. */
    static Optional<Instant> createdAt(String name) {
        if (name == null) {
            return Optional.empty();
        }
        Matcher matcher = NAME.matcher(name);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(FORMAT.parse(matcher.group(1), Instant::from));
        } catch (DateTimeParseException invalidDate) {
            return Optional.empty();
        }
    }

    static boolean isValid(String name) {
        return createdAt(name).isPresent();
    }
}
