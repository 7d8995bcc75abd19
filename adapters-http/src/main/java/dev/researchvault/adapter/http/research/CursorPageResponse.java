package dev.researchvault.adapter.http.research;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.researchvault.domain.Page;
import dev.researchvault.domain.PageCursor;
import dev.researchvault.domain.PageRequest;
import dev.researchvault.domain.RuleViolationException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.function.Function;

/**
 * A slice of a list that pages by number or by cursor (the research list, the chat list):
 * {@code {items, page, size, total, next}}. {@code next} is the cursor to send as {@code after} for the
 * items that follow, null when none do; {@code page} is null for a slice asked for by cursor (it has no
 * number: counting what lies before it would cost the walk that cursors avoid). Members that are null are
 * still written, so a client can tell "no more" from an old server.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record CursorPageResponse<T>(List<T> items, @Nullable Integer page, int size, long total,
                                    @Nullable String next) {

    /** Stable code of a request with both {@code page} and {@code after}. */
    static final String PAGE_WITH_CURSOR = "page.page-with-cursor";

    public static <D, T> CursorPageResponse<T> of(Page<D> page, Function<? super D, ? extends T> toResponse) {
        return new CursorPageResponse<>(page.items().stream().<T>map(toResponse).toList(),
                page.request().byCursor() ? null : page.page(), page.size(), page.total(),
                page.next() == null ? null : page.next().token());
    }

    /**
     * The slice the query parameters ask for: {@code after} a cursor, or page {@code page} (0 when absent).
     *
     * @throws RuleViolationException {@value #PAGE_WITH_CURSOR} for both {@code page} and {@code after};
     *         {@value PageCursor#INVALID} for an {@code after} that is no cursor token
     */
    public static PageRequest request(@Nullable Integer page, int size, @Nullable String after) {
        if (after == null) {
            return new PageRequest(page == null ? 0 : page, size);
        }
        if (page != null) {
            throw new RuleViolationException(PAGE_WITH_CURSOR, "page and after cannot be used together");
        }
        return PageRequest.after(PageCursor.parse(after), size);
    }
}
