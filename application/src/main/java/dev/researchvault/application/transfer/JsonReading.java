package dev.researchvault.application.transfer;

import dev.researchvault.domain.RuleViolationException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the JSON of an import (RFC 8259): one object per call, whose values become {@link String}, {@link Long}
 * (whole numbers only: an export holds no others), {@link Boolean}, {@code null}, nested {@link Map}s and
 * {@link List}s. Anything else, or trailing text, is refused with {@value #INVALID} (400) without echoing it.
 * Nesting is bounded, so hostile input cannot exhaust the stack.
 */
final class JsonReading {

    static final String INVALID = "import.invalid-json";
    private static final int MAX_DEPTH = 16;

    private final String text;
    private int at;

    private JsonReading(String text) {
        this.text = text;
    }

    /** The object {@code text} holds; {@code where} names the entry (and line) for the problem's detail. */
    static Map<String, Object> object(String text, String where) {
        JsonReading reading = new JsonReading(text);
        try {
            reading.space();
            if (!reading.peek('{')) {
                throw new IllegalStateException();
            }
            Map<String, Object> object = reading.readObject(0);
            reading.space();
            if (reading.at != text.length()) {
                throw new IllegalStateException();
            }
            return object;
        } catch (RuntimeException malformed) {
            throw new RuleViolationException(INVALID, where + " is not a JSON object of the export format");
        }
    }

    private Object value(int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalStateException();
        }
        space();
        char c = text.charAt(at);
        if (c == '{') {
            return readObject(depth + 1);
        }
        if (c == '[') {
            return readArray(depth + 1);
        }
        if (c == '"') {
            return readString();
        }
        if (text.startsWith("null", at)) {
            at += 4;
            return null;
        }
        if (text.startsWith("true", at)) {
            at += 4;
            return Boolean.TRUE;
        }
        if (text.startsWith("false", at)) {
            at += 5;
            return Boolean.FALSE;
        }
        return readWholeNumber();
    }

    private Map<String, Object> readObject(int depth) {
        expect('{');
        Map<String, Object> object = new LinkedHashMap<>();
        space();
        if (peek('}')) {
            at++;
            return object;
        }
        do {
            space();
            String name = readString();
            space();
            expect(':');
            if (object.containsKey(name)) {
                throw new IllegalStateException("a name twice");
            }
            object.put(name, value(depth));
            space();
        } while (next(','));
        expect('}');
        return object;
    }

    private List<Object> readArray(int depth) {
        expect('[');
        List<Object> array = new ArrayList<>();
        space();
        if (peek(']')) {
            at++;
            return array;
        }
        do {
            array.add(value(depth));
            space();
        } while (next(','));
        expect(']');
        return array;
    }

    private String readString() {
        expect('"');
        StringBuilder out = new StringBuilder();
        while (true) {
            char c = text.charAt(at++);
            if (c == '"') {
                return out.toString();
            }
            if (c < 0x20) {
                throw new IllegalStateException("a raw control character");
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char escaped = text.charAt(at++);
            switch (escaped) {
                case '"', '\\', '/' -> out.append(escaped);
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> {
                    out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                    at += 4;
                }
                default -> throw new IllegalStateException("a bad escape");
            }
        }
    }

    private Long readWholeNumber() {
        int start = at;
        if (peek('-')) {
            at++;
        }
        while (at < text.length() && Character.isDigit(text.charAt(at))) {
            at++;
        }
        return Long.parseLong(text.substring(start, at));
    }

    private void space() {
        while (at < text.length() && " \t\r\n".indexOf(text.charAt(at)) >= 0) {
            at++;
        }
    }

    private boolean peek(char c) {
        return at < text.length() && text.charAt(at) == c;
    }

    private boolean next(char c) {
        if (peek(c)) {
            at++;
            return true;
        }
        return false;
    }

    private void expect(char c) {
        if (!next(c)) {
            throw new IllegalStateException("expected " + c);
        }
    }
}
