package dev.researchvault.adapter.http.file;

import java.nio.charset.StandardCharsets;

/**
 * The {@code Content-Disposition} of a download (RFC 6266): {@code attachment} with the file's name for a file,
 * so a browser saves it under that name instead of rendering stored content on the API's origin; {@code inline}
 * for a thumbnail, which has no name and is meant to be shown. The name goes twice: {@code filename*} with every
 * character (RFC 8187, UTF-8 percent-encoded), and a plain {@code filename} fallback with anything outside
 * printable ASCII, quotes, backslashes and path separators replaced by {@code _} for clients that read only that.
 */
final class ContentDisposition {

    /** The fallback name when nothing of the name is left. */
    private static final String UNNAMED = "file";
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private ContentDisposition() {
    }

    /** The header value for a file named {@code name}; {@code inline} when it has none. */
    static String of(String name) {
        if (name == null || name.isBlank()) {
            return "inline";
        }
        return "attachment; filename=\"" + asciiFallback(name) + "\"; filename*=UTF-8''" + percentEncoded(name);
    }

    static String asciiFallback(String name) {
        StringBuilder ascii = new StringBuilder(name.length());
        name.codePoints().forEach(c -> ascii.append(c >= 0x20 && c < 0x7f && "\"\\/".indexOf(c) < 0 ? (char) c : '_'));
        String fallback = ascii.toString().strip();
        return fallback.isEmpty() ? UNNAMED : fallback;
    }

    /** RFC 8187 {@code value-chars}: attr-chars as they are, every other UTF-8 byte as {@code %XX}. */
    static String percentEncoded(String name) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (isAttrChar(c)) {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
        return encoded.toString();
    }

    private static boolean isAttrChar(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "!#$&+-.^_`|~".indexOf(c) >= 0;
    }
}
