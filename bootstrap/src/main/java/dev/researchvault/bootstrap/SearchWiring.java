package dev.researchvault.bootstrap;

import dev.researchvault.application.search.SearchService;
import dev.researchvault.application.vault.VaultWork;
import dev.researchvault.domain.search.SearchIndex;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** Wires full-text search over the vault-bound search index. */
@Factory
public class SearchWiring {

    @Singleton
    SearchService searchService(VaultWork vault, SearchIndex index) {
        return new SearchService(vault, index);
    }
}
