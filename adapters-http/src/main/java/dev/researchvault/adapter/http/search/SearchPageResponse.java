package dev.researchvault.adapter.http.search;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.researchvault.domain.search.SearchResults;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * A page of search hits: the cursor lists' {@code {items, page, size, total, next}} ({@code page} null for a page
 * asked for by cursor) and {@code totalExact}, false when the server stopped counting a broad query past 2,000
 * matches ({@code total} is then a lower bound).
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
record SearchPageResponse(List<SearchHitResponse> items, @Nullable Integer page, int size, long total,
                          boolean totalExact, @Nullable String next) {

    static SearchPageResponse of(SearchResults results, boolean byCursor) {
        return new SearchPageResponse(results.hits().items().stream().map(SearchHitResponse::of).toList(),
                byCursor ? null : results.hits().page(), results.hits().size(), results.hits().total(),
                results.totalExact(), results.next() == null ? null : results.next().token());
    }
}
