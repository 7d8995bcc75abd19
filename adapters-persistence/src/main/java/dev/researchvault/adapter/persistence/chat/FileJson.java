package dev.researchvault.adapter.persistence.chat;

import dev.researchvault.domain.chat.MessageFile;
import io.micronaut.serde.annotation.Serdeable;

/** One element of a message's {@code files} JSON array; its own type so the stored JSON does not follow domain renames. */
@Serdeable
record FileJson(int index, String name, String mime, long size, boolean hasThumbnail) {

    static FileJson of(MessageFile file) {
        return new FileJson(file.index(), file.name(), file.mime(), file.size(), file.hasThumbnail());
    }

    MessageFile toFile() {
        return new MessageFile(index, name, mime, size, hasThumbnail);
    }
}
