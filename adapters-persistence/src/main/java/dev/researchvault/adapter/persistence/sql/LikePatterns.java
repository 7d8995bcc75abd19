package dev.researchvault.adapter.persistence.sql;

/** LIKE patterns in which the searched text matches literally: its {@code %}, {@code _} and {@code !} are escaped. */
public final class LikePatterns {

    /** The escape character the queries declare with {@code ESCAPE '!'}. */
    public static final char ESCAPE = '!';

    private LikePatterns() {
    }

    /** A pattern matching any text that contains {@code text}. */
    public static String containing(String text) {
        StringBuilder pattern = new StringBuilder(text.length() + 8).append('%');
        for (char c : text.toCharArray()) {
            if (c == '%' || c == '_' || c == ESCAPE) {
                pattern.append(ESCAPE);
            }
            pattern.append(c);
        }
        return pattern.append('%').toString();
    }
}
