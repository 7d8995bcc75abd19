package dev.researchvault.adapter.persistence.chat;

import dev.researchvault.adapter.persistence.chat.MessageRows.IdAndFiles;
import dev.researchvault.application.blob.LegacyMessageFiles;
import dev.researchvault.application.vault.Transactions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;
import jakarta.inject.Singleton;

/** {@link LegacyMessageFiles} over {@code chat_message.files} of the bound user's {@code vault.db}. */
@Singleton
final class JdbcLegacyMessageFiles implements LegacyMessageFiles {

    private final MessageRows messages;
    private final FilesColumn filesJson;
    private final Transactions transactions;

    JdbcLegacyMessageFiles(MessageRows messages, FilesColumn filesJson, Transactions transactions) {
        this.messages = messages;
        this.filesJson = filesJson;
        this.transactions = transactions;
    }

    @Override
    public List<LegacyMessage> nextBatch(Optional<UUID> after, int max) {
        List<LegacyMessage> batch = new ArrayList<>(max);
        String cursor = after.map(UUID::toString).orElse("");
        List<IdAndFiles> rows;
        // The SQL filter is a text search and can match a row with no inline file (a file named "data"):
        // such rows are stepped over, reading on, so an empty answer really means "no more".
        do {
            rows = messages.withInlineFiles(cursor, max);
            for (IdAndFiles row : rows) {
                List<LegacyFile> inline = inlineFiles(filesJson.read(row.files()));
                if (!inline.isEmpty() && batch.size() < max) {
                    batch.add(new LegacyMessage(UUID.fromString(row.id()), inline));
                }
                cursor = row.id();
            }
        } while (batch.isEmpty() && rows.size() == max);
        return batch;
    }

    @Override
    public void markMigrated(UUID messageId, List<MigratedFile> files) {
        Map<Integer, MigratedFile> byIndex = new HashMap<>();
        files.forEach(file -> byIndex.put(file.index(), file));
        // Read and rewrite in one transaction, so a message posted or deleted meanwhile is not overwritten.
        transactions.inTransaction(() -> {
            messages.findById(messageId.toString()).ifPresent(row -> {
                List<FileJson> stored = filesJson.read(row.files());
                List<FileJson> rewritten = IntStream.range(0, stored.size()).mapToObj(position -> {
                    FileJson file = stored.get(position);
                    MigratedFile migrated = file.inline() ? byIndex.get(file.indexOr(position)) : null;
                    return migrated == null ? file : FileJson.of(migrated);
                }).toList();
                messages.updateFiles(row.id(), filesJson.write(rewritten));
            });
            return null;
        });
    }

    @Override
    public Optional<LegacyFile> inlineFile(UUID messageId, int index) {
        return messages.findById(messageId.toString())
                .flatMap(row -> inlineFiles(filesJson.read(row.files())).stream().filter(f -> f.index() == index).findFirst());
    }

    private static List<LegacyFile> inlineFiles(List<FileJson> files) {
        return IntStream.range(0, files.size())
                .filter(position -> files.get(position).inline())
                .mapToObj(position -> files.get(position).toLegacy(position))
                .toList();
    }
}
