package dev.researchvault.adapter.http.search;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.researchvault.domain.search.SearchResults;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * A page of search hits: the lists' {@code {items, page, size, total}} and {@code totalExact}, false when the
 * server stopped counting a broad query past 2,000 matches ({@code total} is then a lower bound).
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
record SearchPageResponse(List<SearchHitResponse> items, int page, int size, long total, boolean totalExact) {

    static SearchPageResponse of(SearchResults results) {
        return new SearchPageResponse(results.hits().items().stream().map(SearchHitResponse::of).toList(),
                results.hits().page(), results.hits().size(), results.hits().total(), results.totalExact());
    }
}
