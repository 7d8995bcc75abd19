package dev.researchvault.application.ldr;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * LDR's times as it wrote them: Python's {@code isoformat()} (with or without an offset) in the TEXT columns of
 * research history and resources, SQLAlchemy's {@code YYYY-MM-DD HH:MM:SS[.ffffff][+00:00]} in the DateTime ones
 * (logs). A time without an offset is UTC, which is what LDR writes.
 */
final class LdrTimes {

    private LdrTimes() {
    }

    static Optional<Instant> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String iso = text.trim().replace(' ', 'T');
        try {
            return Optional.of(OffsetDateTime.parse(iso).toInstant());
        } catch (DateTimeParseException noOffset) {
            try {
                return Optional.of(LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC));
            } catch (DateTimeParseException unreadable) {
                return Optional.empty();
            }
        }
    }
}
