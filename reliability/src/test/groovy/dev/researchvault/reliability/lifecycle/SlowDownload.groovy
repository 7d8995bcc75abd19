package dev.researchvault.reliability.lifecycle

import groovy.json.JsonSlurper

/**
 * A client that streams a message's file slowly: it reads a first part, pauses, then reads the rest, so the
 * download is really in flight (the server holds the vault open for it, CurrentVault.retain) while the other
 * operation of the step runs. Through HttpURLConnection, because its read timeout bounds every read: a stream
 * that stops sending is reported as a hang instead of blocking the run.
 */
class SlowDownload {
    static final int FIRST_PART = 64 * 1024
    /** No byte for this long is a hang (the other operation of a step waits at most vault.lock-timeout, 30 s). */
    static final int READ_TIMEOUT_MS = 60_000

    /**
     * 200 only with exactly {@code expected}; a body that broke off is no answer (status null) with what was
     * read; bytes that are not the file's (also in a broken-off body) are named in {@link Outcome#wrongBytes}.
     */
    static Outcome fetch(String url, String token, int pauseMs, byte[] expected) {
        HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection()
        connection.connectTimeout = 5_000
        connection.readTimeout = READ_TIMEOUT_MS
        connection.setRequestProperty('Authorization', "Bearer ${token}")
        def read = new ByteArrayOutputStream()
        try {
            int status = connection.responseCode
            if (status != 200) {
                String text = new String(connection.errorStream?.readAllBytes() ?: new byte[0], 'UTF-8')
                return new Outcome(status: status, json: parse(text), body: text)
            }
            InputStream body = connection.inputStream
            read.write(body.readNBytes(FIRST_PART))
            Thread.sleep(pauseMs)
            body.transferTo(read)
            judge(read.toByteArray(), expected, null)
        } catch (SocketTimeoutException hang) {
            judge(read.toByteArray(), expected, "hang: no byte for ${READ_TIMEOUT_MS / 1000} s")
        } catch (IOException cut) {
            judge(read.toByteArray(), expected, "${cut.class.simpleName}: ${cut.message}")
        } finally {
            connection.disconnect()
        }
    }

    private static Outcome judge(byte[] got, byte[] expected, String failure) {
        int common = Math.min(got.length, expected.length)
        int differs = Arrays.mismatch(got, 0, common, expected, 0, common)
        String wrong = differs >= 0 ? "byte ${differs} differs from the file's".toString() :
                got.length > expected.length ? "${got.length} bytes, the file has ${expected.length}".toString() : null
        if (failure == null && got.length == expected.length) {
            return new Outcome(status: 200, wrongBytes: wrong, note: "${got.length} bytes${wrong ? '' : ', the file\'s'}".toString())
        }
        new Outcome(error: "${failure ?: 'the body ended early'} after ${got.length} of ${expected.length} bytes".toString(),
                wrongBytes: wrong)
    }

    private static Object parse(String text) {
        try {
            text ? new JsonSlurper().parseText(text) : null
        } catch (Exception notJson) {
            null
        }
    }
}
