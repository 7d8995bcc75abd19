package dev.researchvault.application.research;

import dev.researchvault.domain.NotFoundException;

/** The errors of the research area that are not raised by the domain model itself. */
final class ResearchErrors {

    private ResearchErrors() {
    }

    static NotFoundException notFound() {
        return new NotFoundException("research.not-found", "no research with this id");
    }
}
