package dev.researchvault.reliability.support

import groovy.json.JsonOutput
import groovy.json.JsonSlurper

import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import java.time.Duration
import java.util.function.Supplier

/**
 * A client of the HTTP API through the JDK's HTTP client, like any other client would send it. The base
 * URL is asked for on every request, because a restarted server listens on a new port.
 */
class Api {

    final Supplier<String> baseUrl
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()

    Api(Supplier<String> baseUrl) {
        this.baseUrl = baseUrl
    }

    Reply get(String path, String token = null, Map<String, String> headers = [:]) {
        send('GET', path, null, token, headers)
    }

    Reply post(String path, Object body = null, String token = null) { send('POST', path, body, token) }

    Reply put(String path, Object body, String token = null) { send('PUT', path, body, token) }

    Reply patch(String path, Object body, String token = null) { send('PATCH', path, body, token) }

    Reply delete(String path, String token = null, Object body = null) { send('DELETE', path, body, token) }

    /** Sends {@code body} as JSON; a String (or GString) or byte[] is sent verbatim, so specs can send broken JSON. */
    Reply send(String method, String path, Object body, String token, Map<String, String> headers = [:]) {
        def builder = HttpRequest.newBuilder(URI.create("${baseUrl.get()}${path}")).timeout(Duration.ofSeconds(120))
        if (body != null && !headers.keySet().any { it.equalsIgnoreCase('Content-Type') }) {
            builder.header('Content-Type', 'application/json')
        }
        if (token != null) {
            builder.header('Authorization', "Bearer ${token}")
        }
        headers.each { name, value -> builder.header(name, value) }
        builder.method(method, publisher(body))
        new Reply(http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray()))
    }

    private static HttpRequest.BodyPublisher publisher(Object body) {
        if (body == null) {
            return HttpRequest.BodyPublishers.noBody()
        }
        if (body instanceof byte[]) {
            return HttpRequest.BodyPublishers.ofByteArray(body)
        }
        HttpRequest.BodyPublishers.ofString(body instanceof CharSequence ? body.toString() : JsonOutput.toJson(body))
    }

    /** Posts {@code multipart/form-data}. {@code parts}: [name, filename (null for a text part), content type, content]. */
    Reply multipart(String path, List<List> parts, String token) {
        String boundary = "----rv${UUID.randomUUID()}"
        def body = new ByteArrayOutputStream()
        parts.each { name, filename, type, content ->
            body.write("--${boundary}\r\nContent-Disposition: form-data; name=\"${name}\"".getBytes('UTF-8'))
            if (filename != null) {
                body.write("; filename=\"${filename}\"".getBytes('UTF-8'))
            }
            body.write('\r\n'.bytes)
            if (type != null) {
                body.write("Content-Type: ${type}\r\n".getBytes('UTF-8'))
            }
            body.write('\r\n'.bytes)
            body.write(content instanceof byte[] ? content as byte[] : content.toString().getBytes('UTF-8'))
            body.write('\r\n'.bytes)
        }
        body.write("--${boundary}--\r\n".bytes)
        send('POST', path, body.toByteArray(), token, ['Content-Type': "multipart/form-data; boundary=${boundary}".toString()])
    }

    Reply register(String username, String password) {
        post('/api/v1/auth/register', [username: username, password: password])
    }

    /** Logs in and answers the bearer token; fails the spec when login does not succeed. */
    String login(String username, String password) {
        Reply reply = post('/api/v1/auth/login', [username: username, password: password])
        assert reply.status == 200: "login answered ${reply.status}: ${reply.text}"
        reply.json.token
    }

    /** A response, with its body as text and (lazily) as JSON. */
    static class Reply {
        final HttpResponse<byte[]> response

        Reply(HttpResponse<byte[]> response) {
            this.response = response
        }

        int getStatus() { response.statusCode() }

        String getText() { new String(response.body(), 'UTF-8') }

        byte[] getBytes() { response.body() }

        Object getJson() { response.body().length == 0 ? null : new JsonSlurper().parseText(text) }

        String header(String name) { response.headers().firstValue(name).orElse(null) }

        boolean isProblem() { header('Content-Type')?.startsWith('application/problem+json') }

        @Override
        String toString() { "${status} ${text.take(300)}" }
    }
}
