package dev.researchvault.benchmarks;

import dev.researchvault.adapter.persistence.crypto.BouncyCastleVaultKeys;
import dev.researchvault.adapter.persistence.crypto.KdfConfiguration;
import dev.researchvault.domain.account.Password;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/**
 * Login time against one bare key derivation with the same (production default) KDF parameters, taken
 * alternately: login, derivation, login, derivation… A server with the production KDF must be running.
 * Usage: {@code LoginTiming <base URL> [samples]}. Prints table rows.
 */
public final class LoginTiming {

    private static final String USER = "login-timing";
    private static final String PASSWORD = "login-timing-password";

    private LoginTiming() {
    }

    public static void main(String[] args) throws Exception {
        URI base = URI.create(args[0]);
        int samples = args.length > 1 ? Integer.parseInt(args[1]) : 41;
        HttpClient client = HttpClient.newHttpClient();
        post(client, base, "/api/v1/auth/register", 201);
        BouncyCastleVaultKeys keys = new BouncyCastleVaultKeys(new KdfConfiguration());
        var parameters = keys.freshParameters();
        for (int i = 0; i < 5; i++) {
            post(client, base, "/api/v1/auth/login", 200);
            keys.derive(Password.offered(PASSWORD), parameters);
        }
        List<Double> logins = new ArrayList<>();
        List<Double> derivations = new ArrayList<>();
        for (int i = 0; i < samples; i++) {
            long start = System.nanoTime();
            post(client, base, "/api/v1/auth/login", 200);
            logins.add((System.nanoTime() - start) / 1e6);
            start = System.nanoTime();
            keys.derive(Password.offered(PASSWORD), parameters);
            derivations.add((System.nanoTime() - start) / 1e6);
        }
        print(logins, derivations, parameters.memoryKib(), parameters.iterations());
    }

    private static void print(List<Double> logins, List<Double> derivations, int memoryKib, int iterations) {
        Stats login = Stats.of(logins);
        Stats kdf = Stats.of(derivations);
        double overhead = login.median() - kdf.median();
        String what = String.format("Argon2id m=%d KiB t=%d, %d alternating samples", memoryKib, iterations, logins.size());
        System.out.printf("| login | login p50 / p99 (%s) | %.1f / %.1f ms | | |%n", what, login.median(), Stats.percentile(logins, 99));
        System.out.printf("| login | bare KDF p50 / p99 | %.1f / %.1f ms | | |%n", kdf.median(), Stats.percentile(derivations, 99));
        System.out.printf("| login | login − KDF at p50 | %.1f ms (login/KDF %.2f×) | ≤ 20 ms | %s |%n",
                overhead, login.median() / kdf.median(), overhead <= 20 ? "met" : "MISSED");
    }

    private static void post(HttpClient client, URI base, String path, int expected) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"" + USER + "\",\"password\":\"" + PASSWORD + "\"}"))
                .build();
        int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        if (status != expected) {
            throw new IllegalStateException(path + " answered " + status);
        }
    }
}
