package dev.researchvault.adapter.persistence.sql;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Instants as stored in vault tables: UTC ISO-8601 text with exactly three fraction digits
 * ({@code 2026-11-23T21:07:51.123Z}), so that text order is time order (ORDER BY and indexes work on it) and
 * the files stay readable with plain SQLite tools.
 *
 * <p>Every row read parses one to three of these, so both directions handle that fixed shape by hand:
 * {@link Instant#parse} and {@link DateTimeFormatter} were 19 % of the samples of a research read by id in a
 * JFR profile (docs/benchmarks.md). Anything else (a year past 9999, text written by another tool) goes
 * through {@code java.time}, which also gives the error for text that is no instant at all.
 */
public final class SqlTimes {

    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    /** Length of the fixed shape; separators at the positions below. */
    private static final int LENGTH = 24;

    private SqlTimes() {
    }

    public static String format(Instant instant) {
        if (instant == null) {
            return null;
        }
        LocalDateTime time = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), instant.getNano(), ZoneOffset.UTC);
        if (time.getYear() < 0 || time.getYear() > 9999) {
            return FORMAT.format(instant);
        }
        char[] text = new char[LENGTH];
        digits(text, 0, time.getYear(), 4);
        text[4] = '-';
        digits(text, 5, time.getMonthValue(), 2);
        text[7] = '-';
        digits(text, 8, time.getDayOfMonth(), 2);
        text[10] = 'T';
        digits(text, 11, time.getHour(), 2);
        text[13] = ':';
        digits(text, 14, time.getMinute(), 2);
        text[16] = ':';
        digits(text, 17, time.getSecond(), 2);
        text[19] = '.';
        digits(text, 20, time.getNano() / 1_000_000, 3);
        text[23] = 'Z';
        return new String(text);
    }

    public static Instant parse(String text) {
        if (text == null) {
            return null;
        }
        if (!hasFixedShape(text)) {
            return Instant.parse(text);
        }
        try {
            long day = LocalDate.of(number(text, 0, 4), number(text, 5, 2), number(text, 8, 2)).toEpochDay();
            int hour = number(text, 11, 2);
            int minute = number(text, 14, 2);
            int second = number(text, 17, 2);
            if (hour > 23 || minute > 59 || second > 59) {
                return Instant.parse(text);
            }
            return Instant.ofEpochSecond(day * 86_400 + hour * 3_600L + minute * 60L + second,
                    number(text, 20, 3) * 1_000_000L);
        } catch (DateTimeException invalidDate) {
            return Instant.parse(text);
        }
    }

    private static boolean hasFixedShape(String text) {
        if (text.length() != LENGTH || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':' || text.charAt(19) != '.' || text.charAt(23) != 'Z') {
            return false;
        }
        for (int i = 0; i < LENGTH; i++) {
            boolean separator = i == 4 || i == 7 || i == 10 || i == 13 || i == 16 || i == 19 || i == 23;
            if (!separator && (text.charAt(i) < '0' || text.charAt(i) > '9')) {
                return false;
            }
        }
        return true;
    }

    private static int number(String text, int start, int length) {
        int value = 0;
        for (int i = start; i < start + length; i++) {
            value = value * 10 + (text.charAt(i) - '0');
        }
        return value;
    }

    private static void digits(char[] text, int start, int value, int length) {
        for (int i = start + length - 1; i >= start; i--) {
            text[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }
}
