package dev.researchvault.adapter.http.account;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** Bodies of the account endpoints. Their {@code toString} never shows a password. */
final class AccountRequests {

    private AccountRequests() {
    }

    @Serdeable
    record CredentialsRequest(String username, String password) {
        @Override
        public String toString() {
            return "CredentialsRequest[username=" + username + "]";
        }
    }

    @Serdeable
    record ChangePasswordRequest(String currentPassword, String newPassword) {
        @Override
        public String toString() {
            return "ChangePasswordRequest[hidden]";
        }
    }

    @Serdeable
    record DeleteAccountRequest(String password) {
        @Override
        public String toString() {
            return "DeleteAccountRequest[hidden]";
        }
    }

    /** GET /account. {@code lastLoginAt} is null only when the login could not be recorded. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record AccountResponse(String username, String createdAt, @Nullable String lastLoginAt, int sessions) {
    }

    @Serdeable
    record RegisteredResponse(String username) {
    }

    @Serdeable
    record LoginResponse(String token, String expiresAt) {
        @Override
        public String toString() {
            return "LoginResponse[expiresAt=" + expiresAt + "]";
        }
    }
}
