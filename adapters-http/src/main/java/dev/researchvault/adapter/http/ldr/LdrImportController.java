package dev.researchvault.adapter.http.ldr;

import dev.researchvault.adapter.http.openapi.SessionRequired;
import dev.researchvault.adapter.http.problem.Problem;
import dev.researchvault.adapter.http.session.CurrentSession;
import dev.researchvault.application.account.Session;
import dev.researchvault.application.ldr.ImportLdrCommand;
import dev.researchvault.application.ldr.ImportLdrUseCase;
import dev.researchvault.application.ldr.LdrImportResult;
import dev.researchvault.application.ldr.LdrKind;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.server.multipart.MultipartBody;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.Map;

/** Import from Local Deep Research: {@code POST /api/v1/import/ldr} (docs/ldr-import.md). */
@Controller("/api/v1/import/ldr")
@SessionRequired
@ExecuteOn(TaskExecutors.BLOCKING)
record LdrImportController(ImportLdrUseCase imports) {

    /**
     * Imports the caller's Local Deep Research database: file part {@code database}, file part {@code salt} (its
     * {@code .salt} file; leave it out for a database of the legacy format, which has none) and text part
     * {@code password} (of the LDR account). Answers how many research, reports, resources, log lines, settings
     * and API keys were imported and how many were skipped. All research and API keys, or none.
     */
    @ApiResponse(responseCode = "400", description = "request.malformed-multipart; ldr.invalid-multipart: a part other "
            + "than database, salt, password, or one sent twice; ldr.database-required; ldr.password-required; "
            + "ldr.invalid-salt: the salt is not 32 bytes; ldr.wrong-password: the password (with the salt, or its "
            + "absence) does not open the database; ldr.not-a-database: not an LDR database of a supported format, or damaged",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "413", description = "request.too-large: the whole body above the request size limit",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Post(consumes = MediaType.MULTIPART_FORM_DATA)
    public LdrImportResponse importLdr(@CurrentSession Session session, @Body MultipartBody body) {
        try (ImportLdrCommand command = LdrUpload.read(body)) {
            return LdrImportResponse.of(imports.importLdr(session, command));
        }
    }

    /** What an import added and what it left out. */
    @Serdeable
    record LdrImportResponse(Counts imported, Counts skipped) {

        static LdrImportResponse of(LdrImportResult result) {
            return new LdrImportResponse(Counts.of(result.imported()), Counts.of(result.skipped()));
        }
    }

    /** A count per kind. */
    @Serdeable
    record Counts(int research, int reports, int resources, int logs, int settings, int apiKeys) {

        static Counts of(Map<LdrKind, Integer> counts) {
            return new Counts(counts.get(LdrKind.RESEARCH), counts.get(LdrKind.REPORTS), counts.get(LdrKind.RESOURCES),
                    counts.get(LdrKind.LOGS), counts.get(LdrKind.SETTINGS), counts.get(LdrKind.API_KEYS));
        }
    }
}
