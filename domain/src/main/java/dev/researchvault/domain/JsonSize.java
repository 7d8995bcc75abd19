package dev.researchvault.domain;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.Map;

/**
 * About how many characters a JSON value (maps, lists, strings, numbers, booleans, nulls, as a JSON reader hands
 * them over) takes written out: what a free-form object a client keeps with us (agent parameters, message
 * metadata) is limited by. It counts each string's characters plus its quotes, not its escapes, so it is a lower
 * bound of the written size; exact enough for a limit of kilobytes. Iterative, and stops counting past the
 * limit, so a hostile value costs no more than the limit to measure.
 */
public final class JsonSize {

    private JsonSize() {
    }

    /** Whether {@code value} written as JSON takes at most {@code maxChars} characters (see above). */
    public static boolean atMost(Object value, long maxChars) {
        long size = 0;
        Deque<Object> pending = new ArrayDeque<>();
        pending.push(value == null ? "null" : value);
        while (!pending.isEmpty() && size <= maxChars) {
            Object item = pending.pop();
            if (item instanceof Map<?, ?> map) {
                size += 2 + Math.max(0, map.size() - 1);
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    size += String.valueOf(entry.getKey()).length() + 3; // quotes and colon
                    pending.push(entry.getValue() == null ? "null" : entry.getValue());
                }
            } else if (item instanceof Collection<?> list) {
                size += 2 + Math.max(0, list.size() - 1);
                for (Object element : list) {
                    pending.push(element == null ? "null" : element);
                }
            } else if (item instanceof CharSequence text) {
                size += text.length() + 2;
            } else {
                size += String.valueOf(item).length();
            }
        }
        return size <= maxChars;
    }
}
