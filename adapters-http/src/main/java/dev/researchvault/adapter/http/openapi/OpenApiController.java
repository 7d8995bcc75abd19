package dev.researchvault.adapter.http.openapi;

import io.micronaut.core.io.ResourceResolver;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * Serves the OpenAPI description that micronaut-openapi generates from the controllers at compile time
 * ({@code META-INF/swagger/openapi.yml} in this module's jar). No session needed.
 */
@OpenAPIDefinition(
        info = @Info(title = "Research Vault", version = "v1",
                description = "Encrypted per-user storage of research, chats and settings. See docs/API.md. "
                        + "Errors are application/problem+json with a stable code. Any request may also answer "
                        + "414 request.uri-too-long (a request line above 4096 bytes) or 431 "
                        + "request.headers-too-large (headers above 8192 bytes)."))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer")
@Controller
@Hidden
class OpenApiController {

    static final String LOCATION = "classpath:META-INF/swagger/openapi.yml";

    private final byte[] description;

    OpenApiController(ResourceResolver resources) {
        this.description = read(resources.getResourceAsStream(LOCATION));
    }

    @Get("/openapi.yml")
    @Produces("application/yaml")
    public HttpResponse<byte[]> openApi() {
        return description.length == 0 ? HttpResponse.notFound() : HttpResponse.ok(description);
    }

    private static byte[] read(Optional<InputStream> stream) {
        if (stream.isEmpty()) {
            return new byte[0];
        }
        try (InputStream in = stream.get()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
