package dev.researchvault.adapter.http.backup;

import dev.researchvault.adapter.http.session.Sessions;
import dev.researchvault.application.backup.BackupUseCases;
import dev.researchvault.domain.backup.BackupInfo;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
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
@ExecuteOn(TaskExecutors.BLOCKING)
public class BackupController {

    private final BackupUseCases backups;

    public BackupController(BackupUseCases backups) {
        this.backups = backups;
    }

    @Post
    public HttpResponse<BackupResponse> create(HttpRequest<?> request) {
        return HttpResponse.created(BackupResponse.of(backups.createBackup(Sessions.of(request))));
    }

    @Get
    public List<BackupResponse> list(HttpRequest<?> request) {
        return backups.listBackups(Sessions.of(request)).stream().map(BackupResponse::of).toList();
    }

    @Delete("/{name}")
    public HttpResponse<Void> delete(HttpRequest<?> request, @PathVariable String name) {
        backups.deleteBackup(Sessions.of(request), name);
        return HttpResponse.noContent();
    }

    @Post("/{name}/restore")
    public RestoredResponse restore(HttpRequest<?> request, @PathVariable String name, @Body RestoreRequest body) {
        var safety = backups.restoreBackup(Sessions.of(request), name, body.password());
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
