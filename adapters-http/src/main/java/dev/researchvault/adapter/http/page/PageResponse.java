package dev.researchvault.adapter.http.page;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.researchvault.domain.Page;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.function.Function;

/** A page of a list as the API answers it: {@code {items, page, size, total}}. Used by the chat endpoints too. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record PageResponse<T>(List<T> items, int page, int size, long total) {

    public static <D, T> PageResponse<T> of(Page<D> page, Function<? super D, ? extends T> toResponse) {
        return new PageResponse<>(page.items().stream().<T>map(toResponse).toList(), page.page(), page.size(),
                page.total());
    }
}
