package dev.researchvault.adapter.http.settings;

import io.micronaut.http.annotation.Status;
import io.micronaut.http.HttpStatus;
import dev.researchvault.adapter.http.openapi.NotFoundAnswer;
import dev.researchvault.adapter.http.openapi.SessionRequired;
import dev.researchvault.adapter.http.problem.Problem;
import dev.researchvault.adapter.http.read.EventLoopReads;
import dev.researchvault.adapter.http.session.CurrentSession;
import dev.researchvault.application.account.Session;
import dev.researchvault.adapter.http.settings.SettingsMessages.SettingResponse;
import dev.researchvault.adapter.http.settings.SettingsMessages.SettingValueRequest;
import dev.researchvault.application.settings.ChangeSettingUseCase;
import dev.researchvault.application.settings.ChangeSettingUseCase.ChangeSettingCommand;
import dev.researchvault.application.settings.ReadSettingsUseCase;
import dev.researchvault.application.settings.ReadSettingsUseCase.ListSettingsQuery;
import dev.researchvault.application.settings.ResetSettingUseCase;
import dev.researchvault.domain.settings.EffectiveSetting;
import dev.researchvault.domain.settings.JsonNesting;
import dev.researchvault.domain.settings.SettingDefinition;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import dev.researchvault.domain.RuleViolationException;
import dev.researchvault.domain.settings.SettingType;
import dev.researchvault.domain.settings.SettingValue;
import io.micronaut.json.tree.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.Map;
import java.util.function.Supplier;
import java.util.Optional;

/**
 * The caller's settings: defaults merged with their overrides; changing and resetting one. Every route runs on
 * the blocking executor but reading one setting, which is tried on the event loop first ({@link EventLoopReads}).
 */
@Controller("/api/v1/settings")
@SessionRequired
record SettingsController(ReadSettingsUseCase read, ChangeSettingUseCase change, ResetSettingUseCase reset,
                          JsonSettingValues values, EventLoopReads reads) {

    /** Every setting with its value, default and whether it is overridden; optionally of one category. */
    @Get
    @ExecuteOn(TaskExecutors.BLOCKING)
    public List<SettingResponse> list(@CurrentSession Session session, @Nullable @QueryValue String category) {
        return read.list(session, new ListSettingsQuery(Optional.ofNullable(category))).stream()
                .map(this::toResponse)
                .toList();
    }

    /** One setting. */
    @NotFoundAnswer
    @Get("/{key}")
    public CompletableFuture<SettingResponse> get(@CurrentSession Session session, String key) {
        return reads.answer(() -> toResponse(read.get(session, key)));
    }

    /** Overrides one setting's value. */
    @ApiResponse(responseCode = "400", description = "settings.invalid-value: missing, wrong type, out of range or not an "
            + "option; settings.too-deep: a json value nested more than " + JsonNesting.MAX_DEPTH
            + " levels of arrays and objects", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "404", description = "settings.unknown-key", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Put("/{key}")
    @ExecuteOn(TaskExecutors.BLOCKING)
    public SettingResponse put(@CurrentSession Session session, String key, @Body SettingValueRequest body) {
        ChangeSettingCommand command = new ChangeSettingCommand(key, values.fromJson(body.value()));
        return toResponse(change.change(session, command));
    }

    /**
     * Several settings at once, {@code {"key": value, …}}: all are stored or none. A refusal lists every refused
     * key in the problem's {@code errors}.
     */
    @ApiResponse(responseCode = "400", description = "settings.invalid-value (errors name each refused key); "
            + "request.invalid-body: the body is not a JSON object", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Patch
    @ExecuteOn(TaskExecutors.BLOCKING)
    public List<SettingResponse> patch(@CurrentSession Session session, @Body JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new RuleViolationException("request.invalid-body",
                    "the body must be a JSON object of setting keys and their new values");
        }
        Map<String, Supplier<SettingValue>> changes = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : body.entries()) {
            changes.put(entry.getKey(), () -> values.fromJson(entry.getValue()));
        }
        return change.changeAll(session, changes).stream().map(this::toResponse).toList();
    }

    /** Resets one setting to its default. */
    @Status(HttpStatus.NO_CONTENT)
    @NotFoundAnswer
    @Delete("/{key}")
    @ExecuteOn(TaskExecutors.BLOCKING)
    public HttpResponse<Void> delete(@CurrentSession Session session, String key) {
        reset.reset(session, key);
        return HttpResponse.noContent();
    }

    private SettingResponse toResponse(EffectiveSetting setting) {
        SettingDefinition definition = setting.definition();
        return new SettingResponse(definition.key(), values.toJson(setting.value()), definition.type().wireName(),
                definition.category(), definition.description(), values.toJson(definition.defaultValue()),
                setting.overridden(), bound(definition, definition.min()), bound(definition, definition.max()),
                definition.options());
    }

    /** A range bound in the setting's own type: an int setting's bounds are integers ({@code 1}, not {@code 1.0}). */
    private static JsonNode bound(SettingDefinition definition, Double bound) {
        if (bound == null) {
            return null;
        }
        return definition.type() == SettingType.INT ? JsonNode.createNumberNode(bound.longValue())
                : JsonNode.createNumberNode(bound);
    }
}
