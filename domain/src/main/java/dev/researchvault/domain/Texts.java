package dev.researchvault.domain;

/** Checks of free text fields shared by the areas: present, and not larger than a bound. */
public final class Texts {

    private Texts() {
    }

    /** {@code value} itself when it has a non-blank character and at most {@code maxLength} chars. */
    public static String required(String value, int maxLength, String code, String field) {
        if (value == null || value.isBlank()) {
            throw new RuleViolationException(code, field + " is required");
        }
        return bounded(value, maxLength, code, field);
    }

    /** {@code value} when it is {@link #required} and has no blank at either end (names of agents, groups). */
    public static String requiredName(String value, int maxLength, String code) {
        required(value, maxLength, code, "name");
        if (!value.equals(value.strip())) {
            throw new RuleViolationException(code, "name must not start or end with blanks");
        }
        return value;
    }

    /** {@code value} (which may be null) when it has at most {@code maxLength} chars and is well-formed. */
    public static String bounded(String value, int maxLength, String code, String field) {
        if (value != null && value.length() > maxLength) {
            throw new RuleViolationException(code, field + " must be at most " + maxLength + " characters");
        }
        if (value != null && !isWellFormed(value)) {
            throw new RuleViolationException(code, field + " must be well-formed Unicode (no lone surrogate)");
        }
        return value;
    }

    /**
     * Whether every surrogate in {@code value} is half of a pair. JSON can carry a lone one ({@code "\ud800"});
     * UTF-8 cannot, so SQLite would store it as {@code ?} and the user would read back something else
     * than the server acknowledged.
     */
    public static boolean isWellFormed(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
