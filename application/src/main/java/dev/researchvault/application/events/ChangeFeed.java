package dev.researchvault.application.events;

import dev.researchvault.domain.account.UserId;

/** Where services announce committed changes ({@link ChangeEvent}) of a user's data to that user's live clients. */
@FunctionalInterface
public interface ChangeFeed {

    /** Announces nothing: for services run where no client listens (tools, specs that do not look at events). */
    ChangeFeed NONE = (user, event) -> {
    };

    /** Call after the change committed; must return quickly and never throw for want of listeners. */
    void publish(UserId user, ChangeEvent event);
}
