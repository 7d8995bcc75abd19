package dev.researchvault.adapter.http.settings;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** Bodies of the settings and API-key endpoints. */
final class SettingsMessages {

    private SettingsMessages() {
    }

    /** PUT /settings/{key}: the new value, any JSON value. */
    @Serdeable
    record SettingValueRequest(@Nullable JsonNode value) {
    }

    /**
     * A setting as the caller sees it. {@code min}, {@code max} and {@code options} (an extension of the
     * contract, so clients can build forms) appear only for settings that have them.
     */
    @Serdeable
    record SettingResponse(String key, JsonNode value, String type, String category, String description,
                           @JsonProperty("default") JsonNode defaultValue, boolean overridden,
                           @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable JsonNode min,
                           @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable JsonNode max,
                           @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> options) {
    }

    /** PUT /api-keys/{provider}. {@code active} (an extension) parks a key without deleting it. */
    @Serdeable
    record ApiKeyRequest(@Nullable String key, @Nullable String description, @Nullable Boolean active) {
        @Override
        public String toString() {
            return "ApiKeyRequest[hidden]";
        }
    }

    /** POST /api-keys/{provider}/reveal: the owner's password, proven again. */
    @Serdeable
    record RevealApiKeyRequest(@Nullable String password) {
        @Override
        public String toString() {
            return "RevealApiKeyRequest[hidden]";
        }
    }

    /** The key in clear, answered only to its owner after a password proof. */
    @Serdeable
    record RevealedApiKeyResponse(String provider, String key) {
        @Override
        public String toString() {
            return "RevealedApiKeyResponse[provider=" + provider + "]";
        }
    }

    /** An API key as its owner sees it: masked. Null times are written as null, not left out. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record ApiKeyResponse(String provider, String masked, @Nullable String description, boolean active,
                          String createdAt, @Nullable String lastUsedAt) {
    }
}
