package dev.researchvault.adapter.http.health;

import dev.researchvault.application.health.StorageHealth;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.Locale;

/**
 * {@code GET /health}: 200 UP when the data directory is writable and the encrypted engine works; otherwise
 * 503, DEGRADED when reads are still served (full or read-only storage), DOWN when not even that.
 */
@Controller("/health")
@ExecuteOn(TaskExecutors.BLOCKING)
class HealthController {

    private final StorageHealth health;

    HealthController(StorageHealth health) {
        this.health = health;
    }

    @Get
    @ApiResponse(responseCode = "200", description = "UP: the data directory is writable and encryption works",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = HealthResponse.class)))
    @ApiResponse(responseCode = "503", description = "DEGRADED (storage full or read-only: reads served, writes refused) or DOWN",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = HealthResponse.class)))
    public HttpResponse<HealthResponse> health() {
        StorageHealth.Report report = health.check();
        HealthResponse body = new HealthResponse(status(report), report.dataDirectoryWritable(), report.encryptionWorks(),
                report.storage().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        return report.healthy() ? HttpResponse.ok(body) : HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE).body(body);
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
}
