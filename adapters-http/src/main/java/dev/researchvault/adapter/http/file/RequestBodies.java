package dev.researchvault.adapter.http.file;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** What a route that reads its body as a stream does with the rest of it when it refuses the request. */
public final class RequestBodies {

    private RequestBodies() {
    }

    /**
     * Reads and drops what is left of {@code body}, so the client can finish sending and read the refusal. A
     * streamed body is read only as far as the route reads it: left unread, the client (still sending) and the
     * server (waiting for the route to read) wait for each other until a timeout. The framework's
     * {@code micronaut.server.max-request-size} bounds how much is dropped.
     */
    public static void drop(InputStream body) {
        try {
            body.transferTo(OutputStream.nullOutputStream());
        } catch (IOException | RuntimeException gone) {
            // the client went away or sent more than the framework takes: nothing left to drop
        }
    }
}
