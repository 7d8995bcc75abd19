package dev.researchvault.bootstrap.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.util.Locale;

/**
 * Whether anyone may register ({@code vault.registration}, env {@code VAULT_REGISTRATION}): {@code open} (the
 * default) or {@code closed}, for a server whose accounts the operator has made.
 */
@ConfigurationProperties("vault")
public class RegistrationConfiguration {

    private boolean open = true;

    /** Whether registration is open. */
    public boolean isOpen() {
        return open;
    }

    public void setRegistration(String registration) {
        switch (registration.strip().toLowerCase(Locale.ROOT)) {
            case "open" -> open = true;
            case "closed" -> open = false;
            default -> throw new IllegalArgumentException("vault.registration must be open or closed, was '"
                    + registration + "'");
        }
    }
}
