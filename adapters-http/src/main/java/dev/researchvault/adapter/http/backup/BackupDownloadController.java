package dev.researchvault.adapter.http.backup;

import dev.researchvault.adapter.http.openapi.NotFoundAnswer;
import dev.researchvault.adapter.http.openapi.PasswordMismatchAnswer;
import dev.researchvault.adapter.http.openapi.SessionRequired;
import dev.researchvault.adapter.http.file.ArchiveResponses;
import dev.researchvault.adapter.http.session.CurrentSession;
import dev.researchvault.application.account.Session;
import dev.researchvault.application.transfer.DownloadBackupUseCase;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import jakarta.inject.Named;

import java.util.concurrent.ExecutorService;

/** A backup's encrypted files as a zip, with what opening them takes besides the password (docs/backups.md). */
@Controller("/api/v1/backups")
@SessionRequired
@ExecuteOn(TaskExecutors.BLOCKING)
record BackupDownloadController(DownloadBackupUseCase downloads, @Named("archives") ExecutorService archives) {

    /**
     * The backup's encrypted files as a zip, with their KDF parameters and salt: openable with the password and stock
     * SQLCipher (docs/backups.md). Needs the password.
     */
    @NotFoundAnswer
    @PasswordMismatchAnswer
    @Post(value = "/{name}/download", produces = "application/zip")
    public HttpResponse<StreamedFile> download(@CurrentSession Session session, @PathVariable String name,
                                               @Body BackupController.RestoreRequest body) {
        // The name is checked by the backups themselves (anything but a backup's name is 404) before it is
        // used in the file name offered to the client.
        return ArchiveResponses.zip(downloads.download(session, name, body.password()), archives,
                "research-vault-backup-" + name + ".zip");
    }
}
