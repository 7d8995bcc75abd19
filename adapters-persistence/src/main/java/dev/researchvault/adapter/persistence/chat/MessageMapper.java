package dev.researchvault.adapter.persistence.chat;

import dev.researchvault.adapter.persistence.chat.MessageRows.MessageRow;
import dev.researchvault.adapter.persistence.sql.JsonColumns;
import dev.researchvault.adapter.persistence.sql.SqlTimes;
import dev.researchvault.adapter.persistence.sql.StoredUsage;
import dev.researchvault.domain.chat.Message;
import dev.researchvault.domain.chat.MessageFile;
import dev.researchvault.domain.chat.MessageRole;
import dev.researchvault.domain.chat.MessageSource;
import io.micronaut.core.type.Argument;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * Converts between message rows and the domain. A message without sources or metadata stores NULL for them,
 * as do rows written before V6: a plain message's row is the same whichever version wrote it, and reads
 * back with none of them.
 */
@Singleton
final class MessageMapper {

    private static final Argument<List<SourceJson>> SOURCES = Argument.listOf(SourceJson.class);

    private final FilesColumn files;
    private final JsonColumns json;

    MessageMapper(FilesColumn files, JsonColumns json) {
        this.files = files;
        this.json = json;
    }

    MessageRow toRow(Message message) {
        return new MessageRow(message.id().toString(), message.chatId().toString(), message.role().wireName(),
                message.content(), files.write(message.files().stream().map(FileJson::of).toList()),
                SqlTimes.format(message.createdAt()), message.model(), writeSources(message.sources()),
                message.metadata().isEmpty() ? null : json.writeObject(message.metadata()),
                StoredUsage.promptTokens(message.usage()), StoredUsage.completionTokens(message.usage()),
                StoredUsage.costMicros(message.usage()), SqlTimes.format(message.editedAt()));
    }

    Message toMessage(MessageRow row) {
        return new Message(UUID.fromString(row.id()), UUID.fromString(row.chatId()), MessageRole.fromWire(row.role()),
                row.content(), readFiles(row.files()), SqlTimes.parse(row.createdAt()), row.model(),
                readSources(row.sources()), StoredUsage.read(row.promptTokens(), row.completionTokens(), row.costMicros()),
                json.readObject(row.metadata()), SqlTimes.parse(row.editedAt()));
    }

    private String writeSources(List<MessageSource> sources) {
        return sources.isEmpty() ? null : json.write(SOURCES, sources.stream().map(SourceJson::of).toList());
    }

    private List<MessageSource> readSources(String text) {
        return text == null ? List.of() : json.read(text, SOURCES).stream().map(SourceJson::toSource).toList();
    }

    private List<MessageFile> readFiles(String text) {
        List<FileJson> stored = files.read(text);
        return IntStream.range(0, stored.size()).mapToObj(position -> stored.get(position).toFile(position)).toList();
    }
}
