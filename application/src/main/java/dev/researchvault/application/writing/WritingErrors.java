package dev.researchvault.application.writing;

import dev.researchvault.domain.NotFoundException;

/** The errors the writing use cases share. */
final class WritingErrors {

    private WritingErrors() {
    }

    static NotFoundException sessionNotFound() {
        return new NotFoundException("writing.not-found", "no writing session with this id");
    }

    static NotFoundException draftNotFound() {
        return new NotFoundException("draft.not-found", "no draft with this id");
    }

    static NotFoundException chatNotFound() {
        return new NotFoundException("chat.not-found", "no chat with this id");
    }
}
