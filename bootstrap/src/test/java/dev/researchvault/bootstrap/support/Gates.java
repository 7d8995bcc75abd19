package dev.researchvault.bootstrap.support;

import dev.researchvault.domain.account.KdfParameters;
import dev.researchvault.domain.account.Password;
import dev.researchvault.domain.vault.MasterKey;
import dev.researchvault.domain.vault.VaultKeys;
import dev.researchvault.domain.vault.VaultMetadata;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Points where a spec can hold a server thread to force an interleaving: an armed gate makes the next thread
 * that reaches it wait until the spec opens it (or ten seconds pass, so a fixed server that never lets the
 * other operation in cannot hang the spec). Active only in servers started with {@code test.gates=true}.
 * Java, not Groovy: the bean listeners below need Micronaut's annotation processing.
 */
public final class Gates {

    /** Held after a login proved its key (the vault is unlocked) and before its session exists. */
    public static final String LOGIN_UNLOCKED = "login-unlocked";
    /** Held before a KDF run over the armed password (the detail). */
    public static final String KDF = "kdf";

    private static final Map<String, Gate> ARMED = new ConcurrentHashMap<>();

    private Gates() {
    }

    /** Arms a gate for the next thread passing {@code point} whose detail matches (any, when null). */
    public static Gate arm(String point, String detail) {
        Gate gate = new Gate(detail);
        ARMED.put(point, gate);
        return gate;
    }

    public static Gate arm(String point) {
        return arm(point, null);
    }

    static void pass(String point, String detail) {
        Gate gate = ARMED.get(point);
        if (gate != null && (gate.detail == null || gate.detail.equals(detail)) && ARMED.remove(point, gate)) {
            gate.reached.countDown();
            try {
                gate.opened.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** One armed point: the spec waits until a thread reached it, then opens it. */
    public static final class Gate {
        private final String detail;
        private final CountDownLatch reached = new CountDownLatch(1);
        private final CountDownLatch opened = new CountDownLatch(1);

        Gate(String detail) {
            this.detail = detail;
        }

        public boolean awaitReached() throws InterruptedException {
            return reached.await(10, TimeUnit.SECONDS);
        }

        public void open() {
            opened.countDown();
        }
    }

    /** The KDF, gated per password. */
    @Singleton
    @Requires(property = "test.gates", value = "true")
    public static final class GatedKeys implements BeanCreatedEventListener<VaultKeys> {
        @Override
        public VaultKeys onCreated(BeanCreatedEvent<VaultKeys> event) {
            VaultKeys real = event.getBean();
            return new VaultKeys() {
                @Override
                public MasterKey derive(Password password, KdfParameters parameters) {
                    pass(KDF, new String(password.characters()));
                    return real.derive(password, parameters);
                }

                @Override
                public KdfParameters freshParameters() {
                    return real.freshParameters();
                }
            };
        }
    }

    /** Vault metadata, gated where a login records its unlock time. */
    @Singleton
    @Requires(property = "test.gates", value = "true")
    public static final class GatedMetadata implements BeanCreatedEventListener<VaultMetadata> {
        @Override
        public VaultMetadata onCreated(BeanCreatedEvent<VaultMetadata> event) {
            VaultMetadata real = event.getBean();
            return new VaultMetadata() {
                @Override
                public Optional<String> get(String name) {
                    return real.get(name);
                }

                @Override
                public void put(String name, String value) {
                    if (Objects.equals(name, VaultMetadata.LAST_UNLOCKED_AT)) {
                        pass(LOGIN_UNLOCKED, null);
                    }
                    real.put(name, value);
                }
            };
        }
    }
}
