package dev.researchvault.benchmarks.usage;

import dev.researchvault.application.account.RegisterAccount;
import dev.researchvault.application.account.RegisterAccountUseCase.RegisterAccountCommand;
import dev.researchvault.application.vault.Transactions;
import dev.researchvault.application.vault.VaultScope;
import dev.researchvault.domain.account.AccountRegistry;
import dev.researchvault.domain.account.Password;
import dev.researchvault.domain.account.UserAccount;
import dev.researchvault.domain.account.Username;
import dev.researchvault.domain.vault.MasterKey;
import dev.researchvault.domain.vault.VaultKeys;
import dev.researchvault.domain.vault.Vaults;
import io.micronaut.context.ApplicationContext;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The persistence adapters' context over a server's data directory, holding one account the server can log
 * in to: registered here (the server's own use case, with the cheap KDF the HTTP benchmarks give the server)
 * or, when it exists, opened with its password. Unlike {@code EncryptedVault} the directory is not temporary:
 * the packaged server is started on it afterwards (or alongside: SQLite's file locks keep two processes
 * reading one vault safe). Public: the draft version benchmark ({@code writing.DraftVersionTiming}) uses it too.
 */
public final class RegisteredVault implements AutoCloseable {

    static final String USER = "bench-usage";
    static final String PASSWORD = "bench-password-1";

    private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");

    private final ApplicationContext context;
    private final UserAccount account;
    private final MasterKey key;
    private final VaultScope scope;
    private final Transactions transactions;

    public RegisteredVault(Path dataDir) {
        this(dataDir, Map.of());
    }

    /** @param settings more configuration for the context, over the defaults here */
    public RegisteredVault(Path dataDir, Map<String, Object> settings) {
        Map<String, Object> properties = new HashMap<>(Map.of("vault.data-dir", dataDir.toString(),
                "datasources.default.dialect", "ANSI", "vault.kdf.memory-kib", "1024", "vault.kdf.iterations", "1"));
        properties.putAll(settings);
        context = ApplicationContext.run(properties);
        AccountRegistry registry = context.getBean(AccountRegistry.class);
        VaultKeys keys = context.getBean(VaultKeys.class);
        Username username = new Username(USER);
        if (registry.findByUsername(username).isEmpty()) {
            new RegisterAccount(registry, context.getBean(Vaults.class), keys, Clock.systemUTC())
                    .register(new RegisterAccountCommand(USER, PASSWORD));
        }
        account = registry.findByUsername(username).orElseThrow();
        try (Password password = Password.offered(PASSWORD)) {
            key = keys.derive(password, account.kdf());
        }
        scope = context.getBean(VaultScope.class);
        transactions = context.getBean(Transactions.class);
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /** Runs {@code work} with the vault bound, as a use case does. */
    public <T> T inVault(Supplier<T> work) {
        return scope.call(account.id(), key, work);
    }

    /** Runs {@code work} with the vault bound, in one write transaction. */
    public <T> T inTransaction(Supplier<T> work) {
        return scope.call(account.id(), key, () -> transactions.inTransaction(work));
    }

    /** Logs the account in over HTTP at {@code base} and answers the bearer token. */
    public static String login(HttpClient client, URI base) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/v1/auth/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + USER + "\",\"password\":\"" + PASSWORD + "\"}"))
                .build();
        HttpResponse<String> answer = client.send(request, HttpResponse.BodyHandlers.ofString());
        Matcher token = TOKEN.matcher(answer.body());
        if (answer.statusCode() != 200 || !token.find()) {
            throw new IllegalStateException("login answered " + answer.statusCode());
        }
        return token.group(1);
    }

    @Override
    public void close() {
        context.close();
    }
}
