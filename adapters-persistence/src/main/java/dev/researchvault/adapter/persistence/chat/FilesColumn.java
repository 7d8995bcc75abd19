package dev.researchvault.adapter.persistence.chat;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** Reads and writes the {@code chat_message.files} JSON column (compile-time serde, no reflection). */
@Singleton
final class FilesColumn {

    private static final Argument<List<FileJson>> FILES = Argument.listOf(FileJson.class);

    private final JsonMapper json;

    FilesColumn(JsonMapper json) {
        this.json = json;
    }

    String write(List<FileJson> files) {
        try {
            return json.writeValueAsString(FILES, files);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<FileJson> read(String text) {
        try {
            return json.readValue(text, FILES);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
