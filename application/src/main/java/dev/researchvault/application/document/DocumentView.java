package dev.researchvault.application.document;

import dev.researchvault.domain.document.Document;
import dev.researchvault.domain.document.DocumentGroup;
import java.util.List;
import java.util.Objects;

/** A document as the use cases answer it: with the groups it is in (empty when none), by name. */
public record DocumentView(Document document, List<DocumentGroup.Ref> groups) {

    public DocumentView {
        Objects.requireNonNull(document, "document");
        groups = groups == null ? List.of() : List.copyOf(groups);
    }
}
