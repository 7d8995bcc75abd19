package dev.researchvault.bootstrap;

import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.runtime.Micronaut;

/** Starts Research Vault: {@code java -jar bootstrap/target/research-vault.jar}. */
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        Micronaut micronaut = Micronaut.build(args);
        configure(micronaut);
        micronaut.start();
    }

    /**
     * Builds every {@code @ConfigurationProperties} bean at start-up, not when a request first needs it: a value
     * that does not convert or is out of range then stops the server with a message naming its key.
     * ConfigurationSpec starts its contexts through this method too.
     */
    static ApplicationContextBuilder configure(ApplicationContextBuilder builder) {
        return builder.banner(false).eagerInitConfiguration(true);
    }
}
