package dev.researchvault.adapter.persistence.search;

import dev.researchvault.domain.search.SearchQuery;
import java.util.stream.Collectors;

/**
 * A {@link SearchQuery} as an FTS5 match expression: every term a string ({@code "..."}, quotes doubled), so that
 * nothing a user typed is read as FTS5 syntax; a prefix term gets FTS5's {@code *} after its string; terms side by
 * side, which FTS5 reads as AND. Inside a string the tokenizer splits words as it does in the index, so a quoted
 * term of several words is a phrase.
 */
final class FtsExpression {

    private FtsExpression() {
    }

    static String of(SearchQuery query) {
        return query.terms().stream()
                .map(term -> '"' + term.text().replace("\"", "\"\"") + '"' + (term.prefix() ? "*" : ""))
                .collect(Collectors.joining(" "));
    }
}
