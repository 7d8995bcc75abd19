package dev.researchvault.adapter.http.account;

import dev.researchvault.adapter.http.openapi.PasswordMismatchAnswer;
import io.micronaut.http.annotation.Status;
import io.micronaut.http.HttpStatus;
import dev.researchvault.adapter.http.openapi.SessionRequired;
import dev.researchvault.adapter.http.account.AccountRequests.AccountResponse;
import dev.researchvault.adapter.http.account.AccountRequests.DeleteAccountRequest;
import dev.researchvault.adapter.http.research.PathIds;
import dev.researchvault.application.account.ReadAccountUseCase;
import dev.researchvault.application.account.ReadAccountUseCase.AccountView;
import dev.researchvault.adapter.http.session.CurrentSession;
import dev.researchvault.application.account.Session;
import dev.researchvault.application.account.DeleteAccountUseCase;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/** The account itself: what a client shows of it; deleting it removes every file and backup of the user. */
@Controller("/api/v1/account")
@SessionRequired
@ExecuteOn(TaskExecutors.BLOCKING)
record AccountController(ReadAccountUseCase readAccount, DeleteAccountUseCase deleteAccount) {

    /** The caller's account: username, creation and last login times, and how many sessions are open. */
    @Get
    public AccountResponse account(@CurrentSession Session session) {
        AccountView account = readAccount.account(session);
        return new AccountResponse(account.username(), PathIds.time(account.createdAt()),
                PathIds.time(account.lastLoginAt()), account.sessions());
    }

    /** Deletes the account with every file and backup of the user; needs the password. */
    @Status(HttpStatus.NO_CONTENT)
    @PasswordMismatchAnswer
    @Delete
    public HttpResponse<Void> delete(@CurrentSession Session session, @Body DeleteAccountRequest body) {
        deleteAccount.deleteAccount(session, body.password());
        return HttpResponse.noContent();
    }
}
