package dev.researchvault.adapter.http.account;

import dev.researchvault.adapter.http.openapi.PasswordMismatchAnswer;
import io.micronaut.http.annotation.Status;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Content;
import dev.researchvault.adapter.http.problem.Problem;
import dev.researchvault.adapter.http.openapi.SessionRequired;
import dev.researchvault.adapter.http.created.Created;
import dev.researchvault.adapter.http.account.AccountRequests.ChangePasswordRequest;
import dev.researchvault.adapter.http.account.AccountRequests.CredentialsRequest;
import dev.researchvault.adapter.http.account.AccountRequests.LoginResponse;
import dev.researchvault.adapter.http.account.AccountRequests.RegisteredResponse;
import dev.researchvault.adapter.http.session.CurrentSession;
import dev.researchvault.application.account.ChangePasswordUseCase;
import dev.researchvault.application.account.LoginUseCase;
import dev.researchvault.application.account.LogoutUseCase;
import dev.researchvault.application.account.RegisterAccountUseCase;
import dev.researchvault.application.account.Session;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.time.temporal.ChronoUnit;

/** Registration, login, logout and password change. The KDF blocks, so these run off the event loop. */
@Controller("/api/v1/auth")
@ExecuteOn(TaskExecutors.BLOCKING)
record AuthController(RegisterAccountUseCase register, LoginUseCase login, LogoutUseCase logout,
                      ChangePasswordUseCase changePassword) {

    /** Registers a new account (no session needed). */
    @ApiResponse(responseCode = "201", description = "Registered",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RegisteredResponse.class)))
    @ApiResponse(responseCode = "400", description = "account.invalid-username: not 1 to 64 of A-Z a-z 0-9 . _ -; "
            + "account.invalid-password: not 8 to 1024 characters; request.invalid: unreadable JSON", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "409", description = "account.username-taken (names are compared ignoring case)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Post("/register")
    public HttpResponse<RegisteredResponse> register(@Body CredentialsRequest body) {
        var username = register.register(new RegisterAccountUseCase.RegisterAccountCommand(body.username(), body.password()));
        // The account is the caller's own once they log in: GET /api/v1/account.
        return Created.at(new RegisteredResponse(username.value()), "/api/v1/account");
    }

    /** Logs in: a bearer token and its absolute expiry (no session needed). */
    @ApiResponse(responseCode = "400", description = "request.invalid: unreadable JSON", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "401", description = "account.invalid-credentials: wrong username or password (one answer for both)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "429", description = "account.too-many-attempts: too many failed logins; Retry-After says when to try again",
            headers = @io.swagger.v3.oas.annotations.headers.Header(name = "Retry-After", schema = @Schema(type = "integer")), content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Post("/login")
    public LoginResponse login(HttpRequest<?> request, @Body CredentialsRequest body) {
        // The peer's address, not a forwarded header a client could forge to escape the throttle.
        String address = request.getRemoteAddress().getAddress() == null ? ""
                : request.getRemoteAddress().getAddress().getHostAddress();
        Session session = login.login(new LoginUseCase.LoginCommand(body.username(), body.password(), address));
        // Milliseconds, like every other time the API writes (the session's own clock may be finer).
        return new LoginResponse(session.token(), session.expiresAt().truncatedTo(ChronoUnit.MILLIS).toString());
    }

    /** Ends this session: its token stops working. */
    @Status(HttpStatus.NO_CONTENT)
    @SessionRequired
    @Post("/logout")
    public HttpResponse<Void> logout(@CurrentSession Session session) {
        logout.logout(session.token());
        return HttpResponse.noContent();
    }

    /** Changes the password: every session of the user ends; backups are re-encrypted. */
    @Status(HttpStatus.NO_CONTENT)
    @SessionRequired
    @ApiResponse(responseCode = "400", description = "account.invalid-password: the new password is not 8 to 1024 characters; "
            + "request.invalid: unreadable JSON", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @PasswordMismatchAnswer
    @Post("/password")
    public HttpResponse<Void> changePassword(@CurrentSession Session session, @Body ChangePasswordRequest body) {
        changePassword.changePassword(session,
                new ChangePasswordUseCase.ChangePasswordCommand(body.currentPassword(), body.newPassword()));
        return HttpResponse.noContent();
    }
}
