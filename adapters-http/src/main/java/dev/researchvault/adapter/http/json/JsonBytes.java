package dev.researchvault.adapter.http.json;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A JSON text built as UTF-8 bytes by hand, written exactly as the server's serde (Jackson's UTF-8 generator with
 * its defaults) writes the same values: no spaces; in strings a quote and a backslash escaped with a backslash,
 * backspace, tab, line feed, form feed and carriage return as their two-character escapes, the other control
 * characters as a six-character unicode escape (upper-case hex), every UTF-16 surrogate as its own unicode escape
 * (a pair too), everything else as UTF-8. For hand-written writers of hot responses ({@code ResearchResponseWriter});
 * {@code ResearchJsonHttpSpec} compares with the serde output.
 */
public final class JsonBytes {

    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NULL = {'n', 'u', 'l', 'l'};

    private byte[] bytes;
    private int length;

    public JsonBytes(int expectedLength) {
        bytes = new byte[expectedLength];
    }

    /** Appends ASCII text as it is: punctuation and field names the caller knows need no escape. */
    public JsonBytes raw(String ascii) {
        ensure(ascii.length());
        for (int i = 0; i < ascii.length(); i++) {
            bytes[length++] = (byte) ascii.charAt(i);
        }
        return this;
    }

    /** Appends bytes that already are JSON (a value serde wrote). */
    public JsonBytes raw(byte[] json) {
        ensure(json.length);
        System.arraycopy(json, 0, bytes, length, json.length);
        length += json.length;
        return this;
    }

    /** Appends a string value, quoted and escaped, or {@code null}. */
    public JsonBytes string(String text) {
        if (text == null) {
            return raw(NULL);
        }
        // At most 6 bytes per char (an escape); 3 for any char written as UTF-8.
        ensure(text.length() * 6 + 2);
        bytes[length++] = '"';
        for (int i = 0; i < text.length(); i++) {
            append(text.charAt(i));
        }
        bytes[length++] = '"';
        return this;
    }

    /** Appends a number, or {@code null}. */
    public JsonBytes number(Long value) {
        return value == null ? raw(NULL) : raw(Long.toString(value));
    }

    public JsonBytes number(long value) {
        return raw(Long.toString(value));
    }

    public byte[] toBytes() {
        return Arrays.copyOf(bytes, length);
    }

    private void append(char c) {
        if (c < 0x80) {
            if (c == '"' || c == '\\') {
                bytes[length++] = '\\';
                bytes[length++] = (byte) c;
            } else if (c >= 0x20) {
                bytes[length++] = (byte) c;
            } else {
                control(c);
            }
        } else if (c < 0x800) {
            bytes[length++] = (byte) (0xC0 | (c >> 6));
            bytes[length++] = (byte) (0x80 | (c & 0x3F));
        } else if (Character.isSurrogate(c)) {
            unicodeEscape(c);
        } else {
            bytes[length++] = (byte) (0xE0 | (c >> 12));
            bytes[length++] = (byte) (0x80 | ((c >> 6) & 0x3F));
            bytes[length++] = (byte) (0x80 | (c & 0x3F));
        }
    }

    private void control(char c) {
        char shortForm = switch (c) {
            case '\b' -> 'b';
            case '\t' -> 't';
            case '\n' -> 'n';
            case '\f' -> 'f';
            case '\r' -> 'r';
            default -> 0;
        };
        if (shortForm == 0) {
            unicodeEscape(c);
        } else {
            bytes[length++] = '\\';
            bytes[length++] = (byte) shortForm;
        }
    }

    private void unicodeEscape(char c) {
        bytes[length++] = '\\';
        bytes[length++] = 'u';
        bytes[length++] = HEX[(c >> 12) & 0xF];
        bytes[length++] = HEX[(c >> 8) & 0xF];
        bytes[length++] = HEX[(c >> 4) & 0xF];
        bytes[length++] = HEX[c & 0xF];
    }

    private void ensure(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
        }
    }
}
