package dev.researchvault.adapter.persistence.chat;

import dev.researchvault.adapter.persistence.sql.JsonColumns;
import io.micronaut.core.type.Argument;
import jakarta.inject.Singleton;
import java.util.List;

/** Reads and writes the {@code chat_message.files} JSON column (compile-time serde, no reflection). */
@Singleton
final class FilesColumn {

    private static final Argument<List<FileJson>> FILES = Argument.listOf(FileJson.class);

    private final JsonColumns json;

    FilesColumn(JsonColumns json) {
        this.json = json;
    }

    String write(List<FileJson> files) {
        return json.write(FILES, files);
    }

    List<FileJson> read(String text) {
        return json.read(text, FILES);
    }
}
