package dev.researchvault.adapter.http.settings;

import io.micronaut.http.annotation.Status;
import io.micronaut.http.HttpStatus;
import dev.researchvault.adapter.http.openapi.NotFoundAnswer;
import dev.researchvault.adapter.http.openapi.SessionRequired;
import dev.researchvault.adapter.http.session.CurrentSession;
import dev.researchvault.application.account.Session;
import dev.researchvault.adapter.http.settings.SettingsMessages.ApiKeyRequest;
import dev.researchvault.adapter.http.settings.SettingsMessages.ApiKeyResponse;
import dev.researchvault.application.settings.ApiKeySummary;
import dev.researchvault.application.settings.ManageApiKeysUseCase;
import dev.researchvault.application.settings.ManageApiKeysUseCase.SaveApiKeyCommand;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.List;

/** The caller's API keys. Keys go in; only masked keys ever come out. */
@Controller("/api/v1/api-keys")
@SessionRequired
@ExecuteOn(TaskExecutors.BLOCKING)
record ApiKeyController(ManageApiKeysUseCase apiKeys) {

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

    private static ApiKeyResponse toResponse(ApiKeySummary key) {
        return new ApiKeyResponse(key.provider(), key.masked(), key.description(), key.active(),
                key.createdAt().toString(), key.lastUsedAt() == null ? null : key.lastUsedAt().toString());
    }
}
