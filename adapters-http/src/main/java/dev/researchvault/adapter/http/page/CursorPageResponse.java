package dev.researchvault.adapter.http.page;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.researchvault.domain.Page;
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

    public static <D, T> CursorPageResponse<T> of(Page<D> page, Function<? super D, ? extends T> toResponse) {
        return new CursorPageResponse<>(page.items().stream().<T>map(toResponse).toList(),
                page.request().byCursor() ? null : page.page(), page.size(), page.total(),
                page.next() == null ? null : page.next().token());
    }
}
