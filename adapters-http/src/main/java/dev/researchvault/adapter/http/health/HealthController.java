package dev.researchvault.adapter.http.health;

import dev.researchvault.application.health.CheckReadinessUseCase;
import dev.researchvault.application.health.StorageHealth;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.Locale;

/**
 * {@code GET /health}: 200 UP when the data directory is writable and the encrypted engine works; otherwise
 * 503, DEGRADED when reads are still served (full or read-only storage), DOWN when not even that. The check
 * behind it runs at most once per {@code health.reuse-for}, shared by its callers ({@link CheckReadinessUseCase}).
 * {@code GET /health/live} only says the process answers: it touches nothing.
 */
@Controller("/health")
class HealthController {

    private static final LiveResponse LIVE = new LiveResponse("UP");

    private final CheckReadinessUseCase readiness;

    HealthController(CheckReadinessUseCase readiness) {
        this.readiness = readiness;
    }

    @Get
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Operation(summary = "Readiness: whether the storage takes reads and writes (checked at most every few seconds)")
    @ApiResponse(responseCode = "200", description = "UP: the data directory is writable and encryption works",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = HealthResponse.class)))
    @ApiResponse(responseCode = "503", description = "DEGRADED (storage full or read-only: reads served, writes refused) or DOWN",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = HealthResponse.class)))
    public HttpResponse<HealthResponse> health() {
        StorageHealth.Report report = readiness.readiness();
        HealthResponse body = new HealthResponse(status(report), report.dataDirectoryWritable(), report.encryptionWorks(),
                report.storage().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        return report.healthy() ? HttpResponse.ok(body) : HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE).body(body);
    }

    /** Runs on the event loop: it does no work a liveness probe could be slowed or blocked by. */
    @Get("/live")
    @Operation(summary = "Liveness: the process answers requests (no storage check)")
    @ApiResponse(responseCode = "200", description = "always UP while the server runs",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = LiveResponse.class)))
    public LiveResponse live() {
        return LIVE;
    }

    private static String status(StorageHealth.Report report) {
        if (report.healthy()) {
            return "UP";
        }
        return report.degraded() ? "DEGRADED" : "DOWN";
    }

    /** @param storage {@code writable}, {@code full}, {@code read-only} or {@code missing} */
    @Serdeable
    record HealthResponse(String status, boolean dataDirectoryWritable, boolean encryptionWorks, String storage) {
    }

    /** @param status always {@code UP} */
    @Serdeable
    record LiveResponse(String status) {
    }
}
