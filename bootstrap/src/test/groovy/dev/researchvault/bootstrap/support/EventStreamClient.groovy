package dev.researchvault.bootstrap.support

import groovy.json.JsonSlurper

import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import java.util.concurrent.CompletableFuture
import java.util.concurrent.LinkedBlockingQueue
import java.util.concurrent.TimeUnit
import java.util.stream.Stream

/**
 * A Server-Sent Events client as a browser's EventSource reads a stream: lines parsed into events ({@code id},
 * {@code event}, {@code data}) on a reader thread, queued for the spec. Heartbeats are kept apart.
 */
class EventStreamClient implements AutoCloseable {

    /** The end of the stream, as queued after its last event. */
    static final Map END = [event: '<end>']

    final HttpResponse<Stream<String>> response
    final LinkedBlockingQueue<Map> events = new LinkedBlockingQueue<>()
    volatile int heartbeats
    private final CompletableFuture<Void> reader

    private EventStreamClient(HttpResponse<Stream<String>> response) {
        this.response = response
        this.reader = CompletableFuture.runAsync { read() }
    }

    /** Opens {@code url} with the token and, when given, a {@code Last-Event-ID}. */
    static EventStreamClient open(HttpClient http, String url, String token, String lastEventId = null) {
        def builder = HttpRequest.newBuilder(URI.create(url)).header('Accept', 'text/event-stream')
        if (token != null) {
            builder.header('Authorization', "Bearer ${token}")
        }
        if (lastEventId != null) {
            builder.header('Last-Event-ID', lastEventId)
        }
        new EventStreamClient(http.send(builder.GET().build(), HttpResponse.BodyHandlers.ofLines()))
    }

    int getStatus() {
        response.statusCode()
    }

    /** The next event that is not a heartbeat (or {@link #END}); fails the spec after {@code seconds}. */
    Map next(int seconds = 10) {
        Map event = events.poll(seconds, TimeUnit.SECONDS)
        assert event != null: "no event within ${seconds} s"
        event
    }

    /** Nothing but heartbeats for {@code millis}. */
    boolean quietFor(long millis) {
        events.poll(millis, TimeUnit.MILLISECONDS) == null
    }

    private void read() {
        Map<String, Object> event = [:]
        List<String> data = []
        try {
            response.body().forEach { String line ->
                if (line.isEmpty()) {
                    if (!data.isEmpty() || event) {
                        event.data = data.isEmpty() ? null : new JsonSlurper().parseText(data.join('\n'))
                        if (event.event == 'heartbeat') {
                            heartbeats++
                        } else {
                            events << event
                        }
                    }
                    event = [:]
                    data = []
                } else if (line.startsWith('data:')) {
                    data << line.substring(5).trim()
                } else if (line.startsWith('id:')) {
                    event.id = line.substring(3).trim()
                } else if (line.startsWith('event:')) {
                    event.event = line.substring(6).trim()
                }
            }
        } catch (IOException | UncheckedIOException ignored) {
            // closed by close() or by the server: the end either way
        }
        events << END
    }

    @Override
    void close() {
        response.body().close()
    }
}
