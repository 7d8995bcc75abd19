package dev.researchvault.adapter.http.file;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One byte range of a file, {@code start} to {@code end} inclusive, as a {@code Range: bytes=…} header asks for it
 * (RFC 9110 §14.1.2): {@code a-b}, {@code a-} or the suffix {@code -n}. Several ranges, other units and malformed
 * headers are ignored (the whole file is sent), as RFC 9110 allows a server to; only one range is served, because a
 * browser seeking in a PDF or a video asks for one at a time.
 */
record ByteRange(long start, long end) {

    /** A range that lies wholly outside the file: 416. */
    static final ByteRange UNSATISFIABLE = new ByteRange(-1, -1);

    // Up to 18 digits: every value fits a long, and no file is that large.
    private static final Pattern SPEC = Pattern.compile("bytes=(\\d{0,18})-(\\d{0,18})");

    /** The part of a file of {@code size} bytes that {@code header} asks for; null to send the whole file. */
    static ByteRange of(String header, long size) {
        if (header == null) {
            return null;
        }
        Matcher spec = SPEC.matcher(header.strip().toLowerCase(Locale.ROOT));
        if (!spec.matches() || spec.group(1).isEmpty() && spec.group(2).isEmpty()) {
            return null;
        }
        if (spec.group(1).isEmpty()) {
            long suffix = Long.parseLong(spec.group(2));
            return suffix == 0 || size == 0 ? UNSATISFIABLE : new ByteRange(Math.max(0, size - suffix), size - 1);
        }
        long start = Long.parseLong(spec.group(1));
        if (!spec.group(2).isEmpty() && Long.parseLong(spec.group(2)) < start) {
            return null; // a-b with b < a is invalid, so ignored
        }
        if (start >= size) {
            return UNSATISFIABLE;
        }
        long end = spec.group(2).isEmpty() ? size - 1 : Math.min(Long.parseLong(spec.group(2)), size - 1);
        return new ByteRange(start, end);
    }

    long length() {
        return end - start + 1;
    }

    boolean satisfiable() {
        return start >= 0;
    }
}
