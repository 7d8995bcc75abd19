package dev.researchvault.adapter.http.account;

import io.micronaut.http.annotation.Status;
import io.micronaut.http.HttpStatus;
import dev.researchvault.adapter.http.openapi.SessionRequired;
import dev.researchvault.adapter.http.account.AccountRequests.DeleteAccountRequest;
import dev.researchvault.adapter.http.session.CurrentSession;
import dev.researchvault.application.account.Session;
import dev.researchvault.application.account.DeleteAccountUseCase;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/** The account itself: deleting it removes every file and backup of the user. */
@Controller("/api/v1/account")
@SessionRequired
@ExecuteOn(TaskExecutors.BLOCKING)
record AccountController(DeleteAccountUseCase deleteAccount) {

    /** Deletes the account with every file and backup of the user; needs the password. */
    @Status(HttpStatus.NO_CONTENT)
    @Delete
    public HttpResponse<Void> delete(@CurrentSession Session session, @Body DeleteAccountRequest body) {
        deleteAccount.deleteAccount(session, body.password());
        return HttpResponse.noContent();
    }
}
