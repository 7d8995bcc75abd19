package dev.researchvault.bootstrap;

import io.micronaut.runtime.Micronaut;

/** Starts Research Vault: {@code java -jar bootstrap/target/research-vault.jar}. */
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        Micronaut.build(args).banner(false).start();
    }
}
