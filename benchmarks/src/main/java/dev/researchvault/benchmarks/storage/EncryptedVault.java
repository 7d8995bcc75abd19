package dev.researchvault.benchmarks.storage;

import dev.researchvault.application.vault.Transactions;
import dev.researchvault.application.vault.VaultScope;
import dev.researchvault.domain.account.UserId;
import dev.researchvault.domain.vault.MasterKey;
import dev.researchvault.domain.vault.VaultKeys;
import dev.researchvault.domain.vault.Vaults;
import io.micronaut.context.ApplicationContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Comparator;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The persistence adapters' Micronaut context over a temporary data directory with one user's freshly
 * created encrypted vault (random key: no KDF below the account layer), used as the services use it.
 */
public final class EncryptedVault implements AutoCloseable {

    private final Path dataDir;
    private final ApplicationContext context;
    private final UserId user = UserId.random();
    private final MasterKey key = randomKey();
    private final VaultScope scope;
    private final Transactions transactions;

    public EncryptedVault() throws Exception {
        dataDir = Files.createTempDirectory("rv-bench-vault-");
        context = ApplicationContext.run(Map.of("vault.data-dir", dataDir.toString(),
                "datasources.default.dialect", "ANSI"));
        scope = context.getBean(VaultScope.class);
        transactions = context.getBean(Transactions.class);
        // The KDF row is only recorded beside the files; the benchmark's random key never comes from a password.
        context.getBean(Vaults.class).create(user, key, context.getBean(VaultKeys.class).freshParameters());
    }

    private static MasterKey randomKey() {
        byte[] bytes = new byte[MasterKey.LENGTH];
        new SecureRandom().nextBytes(bytes);
        return new MasterKey(bytes);
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public UserId user() {
        return user;
    }

    /** Runs {@code work} with the vault bound, as a use case does. */
    public <T> T inVault(Supplier<T> work) {
        return scope.call(user, key, work);
    }

    /** Runs {@code work} with the vault bound, in one write transaction. */
    public <T> T inTransaction(Supplier<T> work) {
        return scope.call(user, key, () -> transactions.inTransaction(work));
    }

    /** A scratch directory next to the vault files, on the same file system. */
    public Path scratch() throws Exception {
        return Files.createDirectories(dataDir.resolve("scratch"));
    }

    @Override
    public void close() throws Exception {
        context.close();
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
