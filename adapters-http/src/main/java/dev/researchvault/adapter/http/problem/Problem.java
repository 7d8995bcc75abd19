package dev.researchvault.adapter.http.problem;

import io.micronaut.serde.annotation.Serdeable;

/**
 * An RFC 9457 problem document. {@code type} ends in the stable error code, which is also given alone in
 * {@code code} for clients that prefer not to parse URIs. {@code detail} is written for people and never
 * carries keys, passwords, SQL, stack traces or the client's own input.
 */
@Serdeable
public record Problem(String type, String title, int status, String detail, String code) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://researchvault.dev/problems/";

    public static Problem of(int status, String title, String code, String detail) {
        return new Problem(TYPE_BASE + code, title, status, detail, code);
    }
}
