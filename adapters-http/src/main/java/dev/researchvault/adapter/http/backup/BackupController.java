package dev.researchvault.adapter.http.backup;

import dev.researchvault.adapter.http.openapi.PasswordMismatchAnswer;
import io.micronaut.http.annotation.Status;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Content;
import dev.researchvault.adapter.http.openapi.NotFoundAnswer;
import dev.researchvault.adapter.http.openapi.SessionRequired;
import dev.researchvault.adapter.http.created.Created;
import dev.researchvault.adapter.http.session.CurrentSession;
import dev.researchvault.application.account.Session;
import dev.researchvault.application.backup.BackupUseCases;
import dev.researchvault.domain.backup.BackupInfo;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** The caller's backups: names and figures only, never a server path. */
@Controller("/api/v1/backups")
@SessionRequired
@ExecuteOn(TaskExecutors.BLOCKING)
record BackupController(BackupUseCases backups) {

    /** Takes a verified, encrypted backup of the caller's vault now. */
    @ApiResponse(responseCode = "201", description = "The backup, written and verified",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BackupResponse.class)))
    @Post
    public HttpResponse<BackupResponse> create(@CurrentSession Session session) {
        BackupResponse created = BackupResponse.of(backups.createBackup(session));
        return Created.at(created, "/api/v1/backups", created.name());
    }

    /** The caller's backups, newest first (names and figures, never a server path). */
    @Get
    public List<BackupResponse> list(@CurrentSession Session session) {
        return backups.listBackups(session).stream().map(BackupResponse::of).toList();
    }

    /** Deletes one backup. */
    @Status(HttpStatus.NO_CONTENT)
    @NotFoundAnswer
    @Delete("/{name}")
    public HttpResponse<Void> delete(@CurrentSession Session session, @PathVariable String name) {
        backups.deleteBackup(session, name);
        return HttpResponse.noContent();
    }

    /** Replaces the live vault with the backup, after a safety backup of it; needs the password. */
    @NotFoundAnswer
    @PasswordMismatchAnswer
    @Post("/{name}/restore")
    public RestoredResponse restore(@CurrentSession Session session, @PathVariable String name,
                                    @Body RestoreRequest body) {
        var safety = backups.restoreBackup(session, name, body.password());
        return new RestoredResponse(name, safety.map(BackupInfo::name).orElse(null));
    }

    @Serdeable
    record BackupResponse(String name, String createdAt, long sizeBytes, boolean verified, String kind,
                          @Nullable Boolean sourceIntact, String verifiedAt, String verification) {
        static BackupResponse of(BackupInfo info) {
            return new BackupResponse(info.name(), info.createdAt().toString(), info.sizeBytes(), info.verified(),
                    info.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
                    info.sourceIntact().orElse(null), info.verifiedAt().toString(), info.verification());
        }
    }

    @Serdeable
    record RestoreRequest(String password) {
        @Override
        public String toString() {
            return "RestoreRequest[hidden]";
        }
    }

    @Serdeable
    record RestoredResponse(String restored, @Nullable String safetyBackup) {
    }
}
