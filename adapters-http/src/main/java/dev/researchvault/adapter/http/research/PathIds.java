package dev.researchvault.adapter.http.research;

import dev.researchvault.domain.NotFoundException;
import dev.researchvault.domain.RuleViolationException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** Ids as they arrive in paths and bodies. Used by the chat endpoints too. */
public final class PathIds {

    private PathIds() {
    }

    /** The id in a path; a malformed one names nothing that exists, so it is a 404 with {@code notFoundCode}. */
    public static UUID parse(String text, String notFoundCode) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException malformed) {
            throw new NotFoundException(notFoundCode, "no such resource");
        }
    }

    /** An id referenced by a body, or null; a malformed one is a 400 with {@code code}. */
    public static UUID parseReference(String text, String code) {
        if (text == null) {
            return null;
        }
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException malformed) {
            throw new RuleViolationException(code, "a referenced id is malformed");
        }
    }

    /** An Instant as the API writes it (ISO-8601 UTC, to the millisecond at most), or null. */
    public static String time(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MILLIS).toString();
    }
}
