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

    /** {@code value} (which may be null) when it has at most {@code maxLength} chars. */
    public static String bounded(String value, int maxLength, String code, String field) {
        if (value != null && value.length() > maxLength) {
            throw new RuleViolationException(code, field + " must be at most " + maxLength + " characters");
        }
        return value;
    }
}
