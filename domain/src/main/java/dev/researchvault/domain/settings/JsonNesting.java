package dev.researchvault.domain.settings;

import dev.researchvault.domain.RuleViolationException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * How deeply a JSON value nests arrays and objects, and the deepest a {@code json} setting may be.
 *
 * <p>The limit is what the JSON writer can answer, with room to spare: Micronaut Serde's Jackson encoder
 * fails ("This child generator has already completed") on any document nested more than 65 levels, and an
 * answer wraps a setting's value in up to two more (the list's array, the setting's object). Without a limit a
 * value 64 deep was stored and then made {@code GET /api/v1/settings} answer 500. Settings are preferences:
 * 32 levels is far more than any of them needs. Measured on the JSON text, so it applies to stored values too.
 */
public final class JsonNesting {

    /** Deepest nesting of arrays and objects a json setting may have: {@code [[1]]} is 2 deep, {@code 1} is 0. */
    public static final int MAX_DEPTH = 32;
    /** Stable code of a value nested deeper than {@link #MAX_DEPTH}. */
    public static final String TOO_DEEP = "settings.too-deep";

    private JsonNesting() {
    }

    /**
     * Refuses a value {@code depth} levels deep when that is above {@link #MAX_DEPTH}.
     *
     * @throws RuleViolationException {@value #TOO_DEEP}; the detail names the limit, never the value
     */
    public static void requireAtMostMax(int depth) {
        if (depth > MAX_DEPTH) {
            throw new RuleViolationException(TOO_DEEP,
                    "the value is nested deeper than " + MAX_DEPTH + " levels of arrays and objects");
        }
    }

    /**
     * The nesting of maps and lists (JSON objects and arrays as a JSON reader hands them over) in
     * {@code value}, level by level rather than by recursion; stops counting just past {@link #MAX_DEPTH}.
     */
    public static int depthOfValue(Object value) {
        int depth = 0;
        List<Object> level = new ArrayList<>();
        level.add(value);
        while (depth <= MAX_DEPTH) {
            List<Object> inside = new ArrayList<>();
            for (Object item : level) {
                if (item instanceof Map<?, ?> map) {
                    inside.addAll(map.values());
                } else if (item instanceof Collection<?> list) {
                    inside.addAll(list);
                }
            }
            boolean levelHadContainers = level.stream().anyMatch(item -> item instanceof Map || item instanceof Collection);
            if (!levelHadContainers) {
                return depth;
            }
            depth++;
            level = inside;
        }
        return depth;
    }

    /**
     * The deepest nesting of arrays and objects in {@code json}, a well-formed JSON text. A loop over the
     * characters, not a recursive parse, so a hostile text cannot exhaust the stack.
     */
    static int depthOf(String json) {
        int depth = 0;
        int deepest = 0;
        boolean inString = false;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++; // the escaped character cannot end the string
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '[' || c == '{') {
                deepest = Math.max(deepest, ++depth);
            } else if (c == ']' || c == '}') {
                depth--;
            }
        }
        return deepest;
    }
}
