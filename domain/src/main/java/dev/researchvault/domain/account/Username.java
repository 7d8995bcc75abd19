package dev.researchvault.domain.account;

import dev.researchvault.domain.RuleViolationException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A login name: 1–64 characters of {@code [A-Za-z0-9._-]}. Names differing only in case are the same
 * account ({@link #canonical()}), so "Alice" cannot register next to "alice". The name never becomes part
 * of a file path: user directories are named by {@link UserId}.
 */
public record Username(String value) {

    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    public Username {
        if (value == null || !ALLOWED.matcher(value).matches()) {
            throw new RuleViolationException("account.invalid-username",
                    "username must be 1-64 characters of letters, digits, '.', '_' or '-'");
        }
    }

    /** The case-folded form used for uniqueness and for counting failed logins. */
    public String canonical() {
        return value.toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return value;
    }
}
