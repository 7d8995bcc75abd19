package dev.researchvault.application.blob

import dev.researchvault.application.vault.OneVault
import dev.researchvault.application.blob.LegacyMessageFiles.LegacyFile
import dev.researchvault.application.blob.LegacyMessageFiles.LegacyMessage
import dev.researchvault.application.blob.LegacyMessageFiles.MigratedFile

import java.util.concurrent.ConcurrentSkipListMap

/** Message rows in memory, each file either inline ({@link LegacyFile}) or migrated ({@link MigratedFile}). */
class InMemoryLegacyMessageFiles implements LegacyMessageFiles {

    /** Every call needs a bound vault, as in the SQLite adapter. */
    private final OneVault vault = new OneVault()

    /** message id → file index → the file in whichever form it is. */
    final NavigableMap<UUID, SortedMap<Integer, Object>> rows = new ConcurrentSkipListMap<>()
    int batchesRead
    /** When set, markMigrated fails for this message: a crash between saving blobs and updating the row. */
    UUID failMarkingOf

    void add(UUID messageId, List<LegacyFile> files) {
        rows.computeIfAbsent(messageId) { new TreeMap<>() }.putAll(files.collectEntries { [(it.index()): it] })
    }

    @Override
    List<LegacyMessage> nextBatch(Optional<UUID> after, int max) {
        vault.enter()
        batchesRead++
        def candidates = after.isPresent() ? rows.tailMap(after.get(), false) : rows
        candidates.findResults { UUID id, SortedMap<Integer, Object> files ->
            def inline = files.values().findAll { it instanceof LegacyFile } as List<LegacyFile>
            inline ? new LegacyMessage(id, inline) : null
        }.take(max)
    }

    @Override
    void markMigrated(UUID messageId, List<MigratedFile> files) {
        vault.enter()
        if (messageId == failMarkingOf) {
            throw new IllegalStateException('simulated crash before the row was rewritten')
        }
        def row = rows.get(messageId)
        files.each { row?.put(it.index(), it) }
    }

    @Override
    Optional<LegacyFile> inlineFile(UUID messageId, int index) {
        vault.enter()
        Optional.ofNullable(rows.get(messageId)?.get(index)).filter { it instanceof LegacyFile }.map { it as LegacyFile }
    }

    List<MigratedFile> migratedFiles(UUID messageId) {
        rows.get(messageId).values().findAll { it instanceof MigratedFile } as List<MigratedFile>
    }

    boolean stillInline(UUID messageId) {
        rows.get(messageId).values().any { it instanceof LegacyFile }
    }
}
