package dev.researchvault.adapter.http.account;

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

    @Post("/register")
    public HttpResponse<RegisteredResponse> register(@Body CredentialsRequest body) {
        var username = register.register(new RegisterAccountUseCase.RegisterAccountCommand(body.username(), body.password()));
        // The account is the caller's own once they log in: GET /api/v1/account.
        return Created.at(new RegisteredResponse(username.value()), "/api/v1/account");
    }

    @Post("/login")
    public LoginResponse login(HttpRequest<?> request, @Body CredentialsRequest body) {
        // The peer's address, not a forwarded header a client could forge to escape the throttle.
        String address = request.getRemoteAddress().getAddress() == null ? ""
                : request.getRemoteAddress().getAddress().getHostAddress();
        Session session = login.login(new LoginUseCase.LoginCommand(body.username(), body.password(), address));
        // Milliseconds, like every other time the API writes (the session's own clock may be finer).
        return new LoginResponse(session.token(), session.expiresAt().truncatedTo(ChronoUnit.MILLIS).toString());
    }

    @Post("/logout")
    public HttpResponse<Void> logout(@CurrentSession Session session) {
        logout.logout(session.token());
        return HttpResponse.noContent();
    }

    @Post("/password")
    public HttpResponse<Void> changePassword(@CurrentSession Session session, @Body ChangePasswordRequest body) {
        changePassword.changePassword(session,
                new ChangePasswordUseCase.ChangePasswordCommand(body.currentPassword(), body.newPassword()));
        return HttpResponse.noContent();
    }
}
