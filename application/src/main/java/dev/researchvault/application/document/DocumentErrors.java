package dev.researchvault.application.document;

import dev.researchvault.domain.NotFoundException;

/** The errors the document use cases share. */
public final class DocumentErrors {

    /** Stable code of an unknown document (also another user's, and an id that is no id). */
    public static final String DOCUMENT_NOT_FOUND = "document.not-found";
    /** Stable code of an unknown document group. */
    public static final String GROUP_NOT_FOUND = "document-group.not-found";

    private DocumentErrors() {
    }

    static NotFoundException documentNotFound() {
        return new NotFoundException(DOCUMENT_NOT_FOUND, "no document with this id");
    }

    static NotFoundException groupNotFound() {
        return new NotFoundException(GROUP_NOT_FOUND, "no document group with this id");
    }
}
