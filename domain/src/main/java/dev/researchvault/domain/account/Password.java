package dev.researchvault.domain.account;

import dev.researchvault.domain.RuleViolationException;
import java.util.Arrays;

/**
 * A password as typed by the user, held as characters so it can be wiped after the key is derived.
 * Never printed: {@link #toString()} hides it.
 */
public final class Password implements AutoCloseable {

    public static final int MIN_LENGTH = 8;
    public static final int MAX_LENGTH = 1024;

    private final char[] characters;

    private Password(char[] characters) {
        this.characters = characters;
    }

    /** A password that must satisfy the length rule (8–1024 characters), used for new passwords. */
    public static Password newPassword(String text) {
        if (text == null || text.length() < MIN_LENGTH || text.length() > MAX_LENGTH) {
            throw new RuleViolationException("account.invalid-password",
                    "password must be between " + MIN_LENGTH + " and " + MAX_LENGTH + " characters");
        }
        return new Password(text.toCharArray());
    }

    /**
     * A password offered to prove who someone is. Not length-checked, so a too-short guess gets the same
     * 401 as any wrong one; only an absurd length is refused to bound the work of the KDF.
     */
    public static Password offered(String text) {
        if (text == null || text.length() > MAX_LENGTH) {
            throw new RuleViolationException("account.invalid-password",
                    "password must be at most " + MAX_LENGTH + " characters");
        }
        return new Password(text.toCharArray());
    }

    /** The characters; callers must not keep the array. */
    public char[] characters() {
        return characters;
    }

    @Override
    public void close() {
        Arrays.fill(characters, '\0');
    }

    @Override
    public String toString() {
        return "Password[hidden]";
    }
}
