package dev.researchvault.adapter.persistence.chat;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.researchvault.domain.chat.MessageSource;
import dev.researchvault.adapter.persistence.sql.StoredIds;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.UUID;

/**
 * One element of a message's {@code sources} JSON array ({@code title, url, snippet?, researchId?,
 * resourceId?}); its own type, as {@link FileJson}, so the stored JSON does not follow domain renames.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
record SourceJson(String title, String url, @Nullable String snippet, @Nullable String researchId,
                  @Nullable String resourceId) {

    static SourceJson of(MessageSource source) {
        return new SourceJson(source.title(), source.url(), source.snippet(), StoredIds.text(source.researchId()),
                StoredIds.text(source.resourceId()));
    }

    MessageSource toSource() {
        return new MessageSource(title, url, snippet, StoredIds.id(researchId), StoredIds.id(resourceId));
    }
}
