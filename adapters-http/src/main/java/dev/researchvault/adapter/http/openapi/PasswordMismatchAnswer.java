package dev.researchvault.adapter.http.openapi;

import dev.researchvault.adapter.http.problem.Problem;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * OpenAPI: the operation re-confirms the caller's password and answers 403 when it is wrong (not 401, which would
 * tell a client its session ended).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@ApiResponse(responseCode = "403", description = "account.password-mismatch: the confirmation password is wrong; the "
        + "session stays valid", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public @interface PasswordMismatchAnswer {
}
