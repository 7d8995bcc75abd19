package dev.researchvault.domain.account;

import java.util.Objects;
import java.util.UUID;

/** Server-chosen identity of an account; also the name of the user's directory on disk. */
public record UserId(UUID value) {

    public UserId {
        Objects.requireNonNull(value, "value");
    }

    public static UserId random() {
        return new UserId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
