package dev.researchvault.adapter.http.json;

import java.io.IOException;

/**
 * A request body that is JSON but would only bind by leniency: content after the top-level value, or a one-element
 * array where a single value belongs. Its message is ours and never quotes the input, so it may be shown as the
 * problem's detail.
 */
public final class LenientJsonException extends IOException {

    private static final long serialVersionUID = 1L;

    LenientJsonException(String detail) {
        super(detail);
    }

    static LenientJsonException trailingContent() {
        return new LenientJsonException("the body has content after its JSON value: send exactly one JSON value");
    }

    static LenientJsonException arrayForSingleValue() {
        return new LenientJsonException("the body (or a member of it) is a JSON array where a single value belongs");
    }
}
