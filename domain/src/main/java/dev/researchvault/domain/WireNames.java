package dev.researchvault.domain;

import java.util.Locale;

/**
 * Enum constants as the API and the database name them: the constant's name in lower case ({@code in_progress}).
 * One place for what every status and role enum did alike.
 */
public final class WireNames {

    private WireNames() {
    }

    public static String of(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT);
    }

    /**
     * The constant among {@code constants} whose wire name is {@code name}.
     *
     * @throws RuleViolationException {@code code} with {@code message} (which names the accepted values, never the
     *         refused one: it may be anything a client sent) for any other name, null included
     */
    public static <E extends Enum<E>> E parse(E[] constants, String name, String code, String message) {
        for (E constant : constants) {
            if (of(constant).equals(name)) {
                return constant;
            }
        }
        throw new RuleViolationException(code, message);
    }
}
