package dev.researchvault.adapter.http.search;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.researchvault.adapter.http.research.PathIds;
import dev.researchvault.domain.search.SearchHit;
import dev.researchvault.domain.search.Snippet;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * A search hit: {@code {kind, id, parentId, title, snippet, score, updatedAt}}. The snippet is HTML: the matched
 * words in {@code <mark>…</mark>}, everything else escaped, so a client may show it as markup and no content of the
 * vault can inject any.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
record SearchHitResponse(String kind, String id, @Nullable String parentId, @Nullable String title, String snippet,
                         double score, String updatedAt) {

    static SearchHitResponse of(SearchHit hit) {
        return new SearchHitResponse(hit.kind().wireName(), hit.id().toString(),
                hit.parentId() == null ? null : hit.parentId().toString(), hit.title(), html(hit.snippet()),
                hit.score(), PathIds.time(hit.updatedAt()));
    }

    static String html(Snippet snippet) {
        StringBuilder html = new StringBuilder();
        for (int i = 0; i < snippet.parts().size(); i++) {
            String escaped = escape(snippet.parts().get(i));
            html.append(i % 2 == 1 ? "<mark>" + escaped + "</mark>" : escaped);
        }
        return html.toString();
    }

    private static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
