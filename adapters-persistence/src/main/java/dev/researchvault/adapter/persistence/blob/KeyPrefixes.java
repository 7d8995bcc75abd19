package dev.researchvault.adapter.persistence.blob;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Turns literal key prefixes into ranges on the primary key: {@code prefix <= key < successor(prefix)}.
 * Unlike {@code LIKE} there is nothing to escape ({@code %}, {@code _} and {@code \} are ordinary
 * characters), the match is case-sensitive (SQLite's {@code LIKE} folds ASCII case) and the primary key
 * index answers it directly.
 */
final class KeyPrefixes {

    private KeyPrefixes() {
    }

    /** One prefix's range; {@code upper} is empty when no string follows every key with that prefix. */
    record Range(String lower, Optional<String> upper) {
    }

    static List<Range> ranges(Collection<String> prefixes) {
        List<Range> ranges = new ArrayList<>(prefixes.size());
        for (String prefix : prefixes) {
            ranges.add(new Range(requireUsable(prefix), successor(prefix)));
        }
        return ranges;
    }

    /**
     * The least string greater than every string starting with {@code prefix}: the prefix with its last
     * code point incremented (dropping trailing U+10FFFF first). SQLite compares TEXT by its UTF-8 bytes,
     * whose order is code point order, so incrementing code points (not UTF-16 chars) is what keeps the
     * bound exact for characters beyond the Basic Multilingual Plane.
     */
    static Optional<String> successor(String prefix) {
        int end = prefix.length();
        while (end > 0) {
            int codePoint = prefix.codePointBefore(end);
            int start = end - Character.charCount(codePoint);
            if (codePoint < Character.MAX_CODE_POINT) {
                int next = codePoint + 1 == Character.MIN_SURROGATE ? Character.MAX_SURROGATE + 1 : codePoint + 1;
                return Optional.of(prefix.substring(0, start) + Character.toString(next));
            }
            end = start;
        }
        return Optional.empty();
    }

    private static String requireUsable(String prefix) {
        if (prefix.isEmpty()) {
            throw new IllegalArgumentException("an empty prefix would match every blob");
        }
        // A lone surrogate cannot be encoded as UTF-8: the driver would bind '?' in its place.
        if (prefix.codePoints().anyMatch(codePoint -> Character.getType(codePoint) == Character.SURROGATE)) {
            throw new IllegalArgumentException("a prefix must be well-formed UTF-16");
        }
        return prefix;
    }
}
