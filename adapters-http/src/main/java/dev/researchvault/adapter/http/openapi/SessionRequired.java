package dev.researchvault.adapter.http.openapi;

import dev.researchvault.adapter.http.problem.Problem;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * OpenAPI: the operations (a controller's, when on the class) need a bearer session and answer 401 without one.
 * The description has no global security requirement, so an operation without this one is declared open: register,
 * login and health are. micronaut-openapi reads the annotations below through this one (Micronaut stereotypes).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@SecurityRequirement(name = "bearer")
@ApiResponse(responseCode = "401", description = "session.required: no valid bearer token (also sent with "
        + "WWW-Authenticate: Bearer); session.invalid: the session ended while the request waited",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public @interface SessionRequired {
}
