package dev.researchvault.adapter.http.page;

import dev.researchvault.domain.PageCursor;
import dev.researchvault.domain.PageRequest;
import dev.researchvault.domain.RuleViolationException;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.QueryValue;
import io.swagger.v3.oas.annotations.Parameter;

/**
 * The query parameters of every list that pages by number or by cursor, bound as one {@code @RequestBean}, and
 * the 400 codes they answer ({@link #ERRORS}, for the lists' {@code @ApiResponse}).
 *
 * @param page  page number from 0 (default 0); not together with {@code after}
 * @param size  items per slice, 1 to 200 (default 20)
 * @param after the {@code next} of an earlier answer of this list: continues right after its last item
 */
@Introspected
public record CursorPaging(
        @Parameter(description = "page number from 0 (default 0); not together with `after`")
        @QueryValue @Nullable Integer page,
        @Parameter(description = "items per slice, 1 to 200 (default 20)")
        @QueryValue(defaultValue = "20") int size,
        @Parameter(description = "the `next` of an earlier answer of this list: continues right after its last item")
        @QueryValue @Nullable String after) {

    /** Stable code of a request with both {@code page} and {@code after}. */
    public static final String PAGE_WITH_CURSOR = "page.page-with-cursor";

    /** What a bad paging parameter answers. */
    public static final String ERRORS = "request.invalid-parameter: page or size is not a whole number the server can "
            + "read; page.invalid-page: page below 0; page.invalid-size: size outside 1 to 200; page.page-with-cursor: "
            + "page together with after; page.invalid-cursor: after is not a cursor this endpoint issued";

    /**
     * The slice the parameters ask for: {@code after} a cursor, or page {@code page} (0 when absent).
     *
     * @throws RuleViolationException {@value #PAGE_WITH_CURSOR} for both {@code page} and {@code after};
     *         {@value PageCursor#INVALID} for an {@code after} that is no cursor token
     */
    public PageRequest request() {
        PageRequest numbered = numbered();
        return after == null ? numbered : PageRequest.after(PageCursor.parse(after), size);
    }

    /**
     * Page {@code page} (0 when absent) and the size, for an endpoint whose cursors are not list cursors (search):
     * it reads {@code after} itself.
     *
     * @throws RuleViolationException {@value #PAGE_WITH_CURSOR} for both {@code page} and {@code after}
     */
    public PageRequest numbered() {
        if (after != null && page != null) {
            throw new RuleViolationException(PAGE_WITH_CURSOR, "page and after cannot be used together");
        }
        return new PageRequest(page == null ? 0 : page, size);
    }
}
