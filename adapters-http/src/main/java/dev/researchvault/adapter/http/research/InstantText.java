package dev.researchvault.adapter.http.research;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * An {@link Instant} to the millisecond as the API writes it, the text of
 * {@code instant.truncatedTo(ChronoUnit.MILLIS).toString()} ({@code 2026-11-26T13:00:36.541Z}, no fraction on a whole
 * second), written by hand for years 0–9999. {@code Instant.toString} goes through {@code DateTimeFormatter}'s
 * general printer: 1.6 % of a research read's CPU for its one time, in a JFR profile of
 * {@code GET /api/v1/research/{id}} (docs/benchmarks.md, "Research by id, side by side"). Other years keep the JDK's
 * text ({@code +10000-…}, signs), which {@code InstantTextSpec} compares against for every shape.
 */
final class InstantText {

    private static final int SECONDS_PER_DAY = 86_400;
    private static final int NANOS_PER_MILLI = 1_000_000;
    /** 0000-01-01T00:00:00Z and 10000-01-01T00:00:00Z: the years written with four plain digits lie between. */
    private static final long FIRST_PLAIN_SECOND = -62_167_219_200L;
    private static final long AFTER_PLAIN_SECONDS = 253_402_300_800L;

    private InstantText() {
    }

    static String of(Instant instant) {
        long epochSecond = instant.getEpochSecond();
        if (epochSecond < FIRST_PLAIN_SECOND || epochSecond >= AFTER_PLAIN_SECONDS) {
            return instant.truncatedTo(ChronoUnit.MILLIS).toString();
        }
        LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(epochSecond, SECONDS_PER_DAY));
        int second = (int) Math.floorMod(epochSecond, SECONDS_PER_DAY);
        int millis = instant.getNano() / NANOS_PER_MILLI;
        char[] text = new char[millis == 0 ? 20 : 24];
        digits(text, 0, date.getYear(), 4);
        text[4] = '-';
        digits(text, 5, date.getMonthValue(), 2);
        text[7] = '-';
        digits(text, 8, date.getDayOfMonth(), 2);
        text[10] = 'T';
        digits(text, 11, second / 3600, 2);
        text[13] = ':';
        digits(text, 14, second / 60 % 60, 2);
        text[16] = ':';
        digits(text, 17, second % 60, 2);
        if (millis != 0) {
            text[19] = '.';
            digits(text, 20, millis, 3);
        }
        text[text.length - 1] = 'Z';
        return new String(text);
    }

    /** Writes {@code value} as {@code width} decimal digits, zero-padded, at {@code at}. */
    private static void digits(char[] text, int at, int value, int width) {
        int rest = value;
        for (int i = at + width - 1; i >= at; i--) {
            text[i] = (char) ('0' + rest % 10);
            rest /= 10;
        }
    }
}
