package dev.researchvault.benchmarks.events;

import dev.researchvault.benchmarks.Stats;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Live events with many open streams (docs/benchmarks.md): {@code users} users, {@code streams} open
 * {@code GET /api/v1/events} streams spread over them (each on its own session and connection), then
 * {@code samples} log lines posted one after another, each timed from the start of its {@code POST .../logs} to its
 * arrival on one stream of its user, and to its arrival on all of them; beside it the POST's own round trip. The
 * server's resident memory (VmRSS of {@code pid}) is read before the streams open and after, for the memory per
 * stream. Prints table rows.
 *
 * <p>Usage: EventTiming BASE_URL SERVER_PID USERS STREAMS SAMPLES
 */
public final class EventTiming {

    private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern MESSAGE = Pattern.compile("\"message\"\\s*:\\s*\"(t\\d+)\"");
    private static final String PASSWORD = "bench password 1";

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(30)).build();
    private final URI base;
    /** When each sample's line arrived on each stream: sample → arrivals (nanoTime). */
    private final Map<String, List<Long>> arrivals = new ConcurrentHashMap<>();

    private EventTiming(URI base) {
        this.base = base;
    }

    public static void main(String[] args) throws Exception {
        URI base = URI.create(args[0]);
        long pid = Long.parseLong(args[1]);
        int users = Integer.parseInt(args[2]);
        int streams = Integer.parseInt(args[3]);
        int samples = Integer.parseInt(args[4]);
        new EventTiming(base).run(pid, users, streams, samples);
    }

    private void run(long pid, int users, int streams, int samples) throws Exception {
        List<String> names = new ArrayList<>();
        List<String> research = new ArrayList<>();
        for (int u = 0; u < users; u++) {
            String name = "events-" + u + "-" + System.nanoTime();
            send("POST", "/api/v1/auth/register", "{\"username\":\"" + name + "\",\"password\":\"" + PASSWORD + "\"}",
                    null, 201);
            names.add(name);
            String token = login(name);
            research.add(match(ID, send("POST", "/api/v1/research", "{\"query\":\"q\",\"mode\":\"quick\"}", token, 201)));
        }
        List<String> tokens = new ArrayList<>();
        for (int s = 0; s < streams; s++) {
            tokens.add(login(names.get(s % users)));
        }
        System.gc();
        Thread.sleep(2000);
        long rssBefore = rssKiB(pid);
        CountDownLatch opened = new CountDownLatch(streams);
        for (int s = 0; s < streams; s++) {
            open(tokens.get(s), opened);
        }
        if (!opened.await(120, TimeUnit.SECONDS)) {
            throw new IllegalStateException("streams not open after 120 s: " + opened.getCount() + " missing");
        }
        Thread.sleep(3000);
        long rssAfter = rssKiB(pid);

        int perUser = streams / users;
        List<Double> post = new ArrayList<>();
        List<Double> first = new ArrayList<>();
        List<Double> all = new ArrayList<>();
        for (int i = -20; i < samples; i++) {
            int user = Math.floorMod(i, users);
            String sample = "t" + (i + 1000);
            arrivals.put(sample, new java.util.concurrent.CopyOnWriteArrayList<>());
            long start = System.nanoTime();
            send("POST", "/api/v1/research/" + research.get(user) + "/logs",
                    "{\"level\":\"info\",\"message\":\"" + sample + "\"}", tokens.get(user), 201);
            long posted = System.nanoTime();
            long deadline = posted + TimeUnit.SECONDS.toNanos(10);
            while (arrivals.get(sample).size() < perUser && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            List<Long> got = arrivals.get(sample);
            if (got.size() < perUser) {
                throw new IllegalStateException(sample + " reached " + got.size() + " of " + perUser + " streams");
            }
            if (i >= 0) {
                post.add((posted - start) / 1e6);
                first.add((got.stream().mapToLong(Long::longValue).min().orElseThrow() - start) / 1e6);
                all.add((got.stream().mapToLong(Long::longValue).max().orElseThrow() - start) / 1e6);
            }
            arrivals.remove(sample);
        }
        System.out.printf("| events | %d open streams (%d users × %d): POST …/logs round trip \\| to its event on"
                        + " the first stream \\| on all %d streams of its user, p50 / p99 (max) ms, %d samples"
                        + " | %.2f / %.2f (%.2f) \\| %.2f / %.2f (%.2f) \\| %.2f / %.2f (%.2f) | reported | |%n",
                streams, users, perUser, perUser, post.size(),
                Stats.percentile(post, 50), Stats.percentile(post, 99), Stats.of(post).max(),
                Stats.percentile(first, 50), Stats.percentile(first, 99), Stats.of(first).max(),
                Stats.percentile(all, 50), Stats.percentile(all, 99), Stats.of(all).max());
        System.out.printf("| events | server resident memory before \\| after opening %d streams, MiB; per stream,"
                        + " KiB | %.1f \\| %.1f; %.1f | reported | |%n",
                streams, rssBefore / 1024.0, rssAfter / 1024.0, (rssAfter - rssBefore) / (double) streams);
        System.exit(0);
    }

    /** Opens one stream whose lines are read by a non-blocking subscriber (no thread per stream here either). */
    private void open(String token, CountDownLatch opened) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/v1/events"))
                .header("Accept", "text/event-stream").header("Authorization", "Bearer " + token).GET().build();
        http.sendAsync(request, HttpResponse.BodyHandlers.fromLineSubscriber(new Flow.Subscriber<String>() {
            private boolean first = true;

            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(String line) {
                if (first) {
                    first = false;
                    opened.countDown();
                }
                if (line.startsWith("data:")) {
                    Matcher message = MESSAGE.matcher(line);
                    if (message.find()) {
                        List<Long> got = arrivals.get(message.group(1));
                        if (got != null) {
                            got.add(System.nanoTime());
                        }
                    }
                }
            }

            @Override
            public void onError(Throwable failure) {
                System.err.println("stream failed: " + failure);
            }

            @Override
            public void onComplete() {
            }
        }));
    }

    private String login(String name) throws Exception {
        return match(TOKEN, send("POST", "/api/v1/auth/login",
                "{\"username\":\"" + name + "\",\"password\":\"" + PASSWORD + "\"}", null, 200));
    }

    private String send(String method, String path, String json, String token, int expected) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != expected) {
            throw new IllegalStateException(method + " " + path + " answered " + answer.statusCode());
        }
        return answer.body();
    }

    private static String match(Pattern pattern, String body) {
        Matcher matcher = pattern.matcher(body);
        if (!matcher.find()) {
            throw new IllegalStateException("unexpected answer");
        }
        return matcher.group(1);
    }

    private static long rssKiB(long pid) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        throw new IllegalStateException("no VmRSS for " + pid);
    }
}
