package dev.researchvault.domain;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.CRC32;

/**
 * The text form of every paging cursor a client sees: base64url (no padding) of the UTF-8 text
 * {@code <field>|<field>|…|<crc32 hex of what precedes it>}. The checksum turns an edited or truncated token into a
 * 400 instead of a silent jump to another position. It is no signature: a forged token can only point into the
 * caller's own list, which they may read anyway. Fields must not contain {@code |}.
 */
public final class CursorTokens {

    /** Stable code of every refused cursor; its messages never repeat the token. */
    public static final String INVALID = "page.invalid-cursor";
    /** Longer tokens are refused before decoding: every real one is under 100 characters. */
    static final int MAX_TOKEN_LENGTH = 200;
    private static final char SEPARATOR = '|';

    private CursorTokens() {
    }

    public static String encode(String... fields) {
        String payload = String.join(String.valueOf(SEPARATOR), fields);
        byte[] text = (payload + SEPARATOR + checksum(payload)).getBytes(StandardCharsets.UTF_8);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text);
    }

    /**
     * The fields {@code token} holds, its checksum verified.
     *
     * @throws RuleViolationException {@value #INVALID} when the token is not one {@link #encode} produced
     */
    public static String[] decode(String token) {
        if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
            throw invalid("after is not a cursor of this list");
        }
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            throw invalid("after is not a cursor of this list");
        }
        int last = text.lastIndexOf(SEPARATOR);
        if (last < 0 || !text.substring(last + 1).equals(checksum(text.substring(0, last)))) {
            throw invalid("after is not a cursor of this list");
        }
        return text.substring(0, last).split("\\|", -1);
    }

    public static RuleViolationException invalid(String message) {
        return new RuleViolationException(INVALID, message);
    }

    private static String checksum(String payload) {
        CRC32 crc = new CRC32();
        crc.update(payload.getBytes(StandardCharsets.UTF_8));
        return Long.toHexString(crc.getValue());
    }
}
