package dev.researchvault.adapter.http.settings;

import dev.researchvault.adapter.http.openapi.PasswordMismatchAnswer;
import io.micronaut.http.annotation.Status;
import io.micronaut.http.HttpStatus;
import dev.researchvault.adapter.http.openapi.NotFoundAnswer;
import dev.researchvault.adapter.http.openapi.SessionRequired;
import dev.researchvault.adapter.http.session.CurrentSession;
import dev.researchvault.application.account.Session;
import dev.researchvault.adapter.http.settings.SettingsMessages.ApiKeyRequest;
import dev.researchvault.adapter.http.settings.SettingsMessages.ApiKeyResponse;
import dev.researchvault.adapter.http.settings.SettingsMessages.RevealApiKeyRequest;
import dev.researchvault.adapter.http.settings.SettingsMessages.RevealedApiKeyResponse;
import dev.researchvault.application.settings.RevealApiKeyUseCase;
import dev.researchvault.application.settings.RevealApiKeyUseCase.RevealedApiKey;
import dev.researchvault.application.settings.ApiKeySummary;
import dev.researchvault.application.settings.ManageApiKeysUseCase;
import dev.researchvault.application.settings.ManageApiKeysUseCase.SaveApiKeyCommand;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.List;

/** The caller's API keys. Keys go in; they come out masked, or in clear only after the owner's password. */
@Controller("/api/v1/api-keys")
@SessionRequired
@ExecuteOn(TaskExecutors.BLOCKING)
record ApiKeyController(ManageApiKeysUseCase apiKeys, RevealApiKeyUseCase reveal) {

    /** The caller's API keys, masked. */
    @Get
    public List<ApiKeyResponse> list(@CurrentSession Session session) {
        return apiKeys.list(session).stream().map(ApiKeyController::toResponse).toList();
    }

    /** Stores (or replaces) the key of a provider; answers it masked. */
    @Put("/{provider}")
    public ApiKeyResponse put(@CurrentSession Session session, String provider, @Body ApiKeyRequest body) {
        boolean active = body.active() == null || body.active();
        SaveApiKeyCommand command = new SaveApiKeyCommand(provider, body.key(), body.description(), active);
        return toResponse(apiKeys.save(session, command));
    }

    /** Deletes the key of a provider. */
    @Status(HttpStatus.NO_CONTENT)
    @NotFoundAnswer
    @Delete("/{provider}")
    public HttpResponse<Void> delete(@CurrentSession Session session, String provider) {
        apiKeys.delete(session, provider);
        return HttpResponse.noContent();
    }

    /**
     * The stored key in clear, for the engine that calls the provider; needs the password, is throttled like logins,
     * records {@code lastUsedAt} and logs the reveal (never the key).
     */
    @PasswordMismatchAnswer
    @Post("/{provider}/reveal")
    public HttpResponse<RevealedApiKeyResponse> reveal(@CurrentSession Session session, String provider,
                                                       @Body RevealApiKeyRequest body) {
        RevealedApiKey key = reveal.reveal(session, provider, body.password());
        // A key in clear must not stay in a browser's or proxy's cache.
        return HttpResponse.ok(new RevealedApiKeyResponse(key.provider(), key.key()))
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    private static ApiKeyResponse toResponse(ApiKeySummary key) {
        return new ApiKeyResponse(key.provider(), key.masked(), key.description(), key.active(),
                key.createdAt().toString(), key.lastUsedAt() == null ? null : key.lastUsedAt().toString());
    }
}
