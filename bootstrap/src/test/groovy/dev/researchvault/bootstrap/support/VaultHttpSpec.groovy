package dev.researchvault.bootstrap.support

import groovy.json.JsonOutput
import groovy.json.JsonSlurper
import io.micronaut.context.ApplicationContext
import io.micronaut.runtime.server.EmbeddedServer
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification

import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import java.nio.file.Files
import java.nio.file.Path

/**
 * Base of the HTTP specs: a real server on a random port over a real data directory of encrypted vaults,
 * with cheap KDF parameters (the production ones are exercised by ProductionKdfSpec). Requests go through
 * the JDK's HTTP client, like any other client of the API would send them.
 */
abstract class VaultHttpSpec extends Specification {

    @Shared
    Path dataDir = Files.createTempDirectory('rv-http-')

    @Shared
    @AutoCleanup
    EmbeddedServer server = ApplicationContext.run(EmbeddedServer, serverProperties())

    @Shared
    HttpClient http = HttpClient.newHttpClient()

    /** Configuration of the server under test; specs add to it by overriding {@link #extraProperties()}. */
    Map<String, Object> serverProperties() {
        [
                'micronaut.server.port'     : -1,
                'vault.data-dir'            : dataDir.toString(),
                'vault.kdf.memory-kib'      : 1024,
                'vault.kdf.iterations'      : 1,
                'vault.kdf.parallelism'     : 1,
                'micronaut.http.client.read-timeout': '60s',
        ] + extraProperties()
    }

    Map<String, Object> extraProperties() {
        [:]
    }

    def cleanupSpec() {
        dataDir.toFile().deleteDir()
    }

    // --- requests ------------------------------------------------------------------------------------

    Reply get(String path, String token = null, Map<String, String> headers = [:]) {
        send('GET', path, null, token, headers)
    }

    Reply post(String path, Object body = null, String token = null) {
        send('POST', path, body, token)
    }

    Reply put(String path, Object body, String token = null) {
        send('PUT', path, body, token)
    }

    Reply patch(String path, Object body, String token = null) {
        send('PATCH', path, body, token)
    }

    Reply delete(String path, String token = null, Object body = null) {
        send('DELETE', path, body, token)
    }

    /** Sends {@code body} as JSON (a String is sent verbatim, so specs can send broken JSON). */
    Reply send(String method, String path, Object body, String token, Map<String, String> headers = [:]) {
        def builder = HttpRequest.newBuilder(URI.create("${server.URL}${path}"))
        if (body != null) {
            builder.header('Content-Type', 'application/json')
        }
        if (token != null) {
            builder.header('Authorization', "Bearer ${token}")
        }
        headers.each { name, value -> builder.header(name, value) }
        String text = body == null ? null : (body instanceof String ? body : JsonOutput.toJson(body))
        builder.method(method, text == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(text))
        new Reply(http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray()))
    }

    // --- accounts ------------------------------------------------------------------------------------

    /**
     * A login starts the day's automatic backup in the background; with the default policy (one backup kept), a manual
     * backup made before that one is written is pruned by it. Specs that keep a manual backup wait for it first.
     */
    void awaitLoginBackup(String token) {
        long deadline = System.nanoTime() + 10_000_000_000L
        while (get('/api/v1/backups', token).json.isEmpty()) {
            assert System.nanoTime() < deadline: 'the login backup did not appear within 10 s'
            sleep(20)
        }
    }

    /**
     * Starts a GET of {@code path} and reads only its first bytes, so the server is left writing a body its client
     * does not read (a streamed download or export); answers the whole body's stream, those bytes first.
     */
    InputStream startReading(String path, String token) {
        def request = HttpRequest.newBuilder(URI.create("${server.URL}${path}"))
                .header('Authorization', "Bearer ${token}").GET().build()
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream())
        assert response.statusCode() == 200
        InputStream body = response.body()
        byte[] first = body.readNBytes(1000)
        assert first.length == 1000
        new SequenceInputStream(new ByteArrayInputStream(first), body)
    }

    static String uniqueName(String prefix = 'user') {
        "${prefix}-${UUID.randomUUID().toString().substring(0, 8)}"
    }

    Reply register(String username, String password = 'correct horse battery') {
        post('/api/v1/auth/register', [username: username, password: password])
    }

    /** Logs in and answers the bearer token; fails the spec when login does not succeed. */
    String login(String username, String password = 'correct horse battery') {
        Reply reply = post('/api/v1/auth/login', [username: username, password: password])
        assert reply.status == 200: "login of ${username} answered ${reply.status}: ${reply.text}"
        reply.json.token
    }

    /** Registers a fresh user and answers a token of theirs. */
    String newUser(String prefix = 'user', String password = 'correct horse battery') {
        String name = uniqueName(prefix)
        assert register(name, password).status == 201
        login(name, password)
    }

    Path userDirOf(String username) {
        dataDir.resolve('users').resolve(files.registryRow(username).id as String)
    }

    /** Reads vaults from outside the server, the way docs/file-format.md describes. */
    VaultFileReader getFiles() {
        new VaultFileReader(dataDir)
    }

    /** A response, with its body as text and (lazily) as JSON. */
    static class Reply {
        final HttpResponse<byte[]> response

        Reply(HttpResponse<byte[]> response) {
            this.response = response
        }

        int getStatus() { response.statusCode() }

        byte[] getBytes() { response.body() }

        String getText() { new String(response.body(), 'UTF-8') }

        Object getJson() { response.body().length == 0 ? null : new JsonSlurper().parseText(text) }

        String header(String name) { response.headers().firstValue(name).orElse(null) }

        String getContentType() { header('Content-Type') }

        boolean isProblem() { contentType?.startsWith('application/problem+json') }

        @Override
        String toString() { "${status} ${text}" }
    }
}
