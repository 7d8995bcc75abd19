package dev.researchvault.adapter.http.transfer;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Content;
import dev.researchvault.adapter.http.problem.Problem;
import dev.researchvault.adapter.http.openapi.PasswordMismatchAnswer;
import dev.researchvault.adapter.http.openapi.SessionRequired;
import dev.researchvault.adapter.http.file.ArchiveResponses;
import dev.researchvault.adapter.http.file.RequestBodies;
import dev.researchvault.adapter.http.session.CurrentSession;
import dev.researchvault.application.account.Session;
import dev.researchvault.application.transfer.ExportVaultUseCase;
import dev.researchvault.application.transfer.ImportVaultUseCase;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Named;

import java.io.InputStream;
import java.util.Map;
import java.util.concurrent.ExecutorService;

/** The caller's data out as a zip, and such a zip back in (docs/export-format.md). */
@Controller("/api/v1")
@SessionRequired
@ExecuteOn(TaskExecutors.BLOCKING)
record TransferController(ExportVaultUseCase exports, ImportVaultUseCase imports,
                          @Named("archives") ExecutorService archives) {

    private static final String FILE_NAME = "research-vault-export.zip";

    /** The caller's whole vault as a zip (docs/export-format.md), streamed: everything but API keys. */
    @Get(value = "/export", produces = "application/zip")
    public HttpResponse<StreamedFile> export(@CurrentSession Session session) {
        return ArchiveResponses.zip(exports.export(session, false, null), archives, FILE_NAME);
    }

    /** The caller's whole vault as a zip; with {@code includeApiKeys: true} and the password, API keys too. */
    @ApiResponse(responseCode = "400", description = "export.password-required: includeApiKeys without the password", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @PasswordMismatchAnswer
    @Post(value = "/export", produces = "application/zip")
    public HttpResponse<StreamedFile> exportWith(@CurrentSession Session session, @Body ExportRequest body) {
        boolean apiKeys = Boolean.TRUE.equals(body.includeApiKeys());
        return ArchiveResponses.zip(exports.export(session, apiKeys, body.password()), archives, FILE_NAME);
    }

    /**
     * An export's zip into the caller's vault, all or nothing: ids kept; any id, unique name or file key already
     * taken imports nothing (409 naming the first conflicts).
     */
    @ApiResponse(responseCode = "400", description = "import.malformed, import.unexpected-entry, import.invalid-json, "
            + "import.invalid-file, import.unsupported-format: not an export this server reads", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "409", description = "import.conflict: ids, names or file keys already taken", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "413", description = "import.too-large: the archive or what it expands to above the limits; "
            + "file.too-large; vault.quota-exceeded", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Post(value = "/import", consumes = {"application/zip", MediaType.APPLICATION_OCTET_STREAM})
    public ImportResponse importVault(@CurrentSession Session session, @Body InputStream body) {
        try {
            ImportVaultUseCase.ImportReport report = imports.importVault(session, body);
            return new ImportResponse(report.records(), report.files());
        } catch (RuntimeException refused) {
            RequestBodies.drop(body);
            throw refused;
        }
    }

    @Serdeable
    record ExportRequest(@Nullable String password, @Nullable Boolean includeApiKeys) {
        @Override
        public String toString() {
            return "ExportRequest[hidden]";
        }
    }

    @Serdeable
    record ImportResponse(Map<String, Long> records, long files) {
    }
}
