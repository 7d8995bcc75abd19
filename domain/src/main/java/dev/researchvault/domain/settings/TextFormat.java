package dev.researchvault.domain.settings;

import dev.researchvault.domain.RuleViolationException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.ZoneId;
import java.util.Locale;

/**
 * What a string setting holds beyond "some text", told by its key, so the shipped catalog needs no new field and a
 * setting added later follows the same rule: a key ending in {@code _url} holds an {@code http} or {@code https}
 * URL with a host (a {@code file:} or {@code jar:} URL handed to a connector would read the server's own files); a
 * key ending in {@code timezone} holds an IANA time-zone id ({@code Europe/Berlin}, {@code UTC}).
 */
enum TextFormat {

    PLAIN {
        @Override
        void check(String text) {
            // any text
        }
    },
    HTTP_URL {
        @Override
        void check(String text) {
            try {
                URI uri = new URI(text);
                String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
                if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                    return;
                }
            } catch (URISyntaxException malformed) {
                // refused below
            }
            throw SettingRules.invalid("must be an http or https URL with a host");
        }
    },
    TIME_ZONE {
        @Override
        void check(String text) {
            // Region ids only: an offset such as +02:00 does not follow daylight saving time.
            if (!ZoneId.getAvailableZoneIds().contains(text)) {
                throw SettingRules.invalid("must be an IANA time-zone id such as Europe/Berlin or UTC");
            }
        }
    };

    /** The format of the string setting {@code key}. */
    static TextFormat of(String key) {
        if (key.endsWith("_url")) {
            return HTTP_URL;
        }
        return key.endsWith("timezone") ? TIME_ZONE : PLAIN;
    }

    /** @throws RuleViolationException {@code settings.invalid-value} when {@code text} does not have this format */
    abstract void check(String text);
}
