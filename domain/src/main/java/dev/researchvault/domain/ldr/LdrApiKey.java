package dev.researchvault.domain.ldr;

/** One row of LDR's {@code api_keys} table. {@link #toString()} hides the key. */
public record LdrApiKey(String provider, String key, String description, boolean active) {

    @Override
    public String toString() {
        return "LdrApiKey[provider=" + provider + ", key=hidden]";
    }
}
