package dev.researchvault.application.support

import dev.researchvault.application.events.ChangeEvent
import dev.researchvault.application.events.ChangeFeed
import dev.researchvault.application.vault.RecordingTransactions
import dev.researchvault.domain.account.UserId

/**
 * A {@link ChangeFeed} that keeps what was published, and whether a transaction was still open when it was: an event
 * published inside one could announce a change that then rolls back.
 */
class RecordingChangeFeed implements ChangeFeed {

    final List<Published> published = Collections.synchronizedList([])

    @Override
    void publish(UserId user, ChangeEvent event) {
        published << new Published(user, event, RecordingTransactions.active())
    }

    List<String> types() {
        published*.event*.type()
    }

    static class Published {
        final UserId user
        final ChangeEvent event
        final boolean insideTransaction

        Published(UserId user, ChangeEvent event, boolean insideTransaction) {
            this.user = user
            this.event = event
            this.insideTransaction = insideTransaction
        }
    }
}
