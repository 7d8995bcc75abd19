package dev.researchvault.adapter.http.health;

import dev.researchvault.application.health.StorageHealth;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;

/** {@code GET /health}: UP when the data directory is writable and the encrypted engine works. */
@Controller("/health")
@ExecuteOn(TaskExecutors.BLOCKING)
public class HealthController {

    private final StorageHealth health;

    public HealthController(StorageHealth health) {
        this.health = health;
    }

    @Get
    public HttpResponse<HealthResponse> health() {
        StorageHealth.Report report = health.check();
        HealthResponse body = new HealthResponse(report.healthy() ? "UP" : "DOWN",
                report.dataDirectoryWritable(), report.encryptionWorks());
        return report.healthy() ? HttpResponse.ok(body) : HttpResponse.status(io.micronaut.http.HttpStatus.SERVICE_UNAVAILABLE).body(body);
    }

    @Serdeable
    record HealthResponse(String status, boolean dataDirectoryWritable, boolean encryptionWorks) {
    }
}
