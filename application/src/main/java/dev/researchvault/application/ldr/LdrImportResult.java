package dev.researchvault.application.ldr;

import java.util.EnumMap;
import java.util.Map;

/** How many of each kind an LDR import added to the vault, and how many it left out. Every kind is present. */
public record LdrImportResult(Map<LdrKind, Integer> imported, Map<LdrKind, Integer> skipped) {

    public LdrImportResult {
        imported = Map.copyOf(imported);
        skipped = Map.copyOf(skipped);
    }

    /** Counts while an import runs; one per import, on one thread. */
    static final class Tally {

        private final Map<LdrKind, Integer> imported = zeros();
        private final Map<LdrKind, Integer> skipped = zeros();

        void imported(LdrKind kind) {
            imported.merge(kind, 1, Integer::sum);
        }

        void skipped(LdrKind kind) {
            skipped.merge(kind, 1, Integer::sum);
        }

        LdrImportResult result() {
            return new LdrImportResult(imported, skipped);
        }

        private static Map<LdrKind, Integer> zeros() {
            Map<LdrKind, Integer> counts = new EnumMap<>(LdrKind.class);
            for (LdrKind kind : LdrKind.values()) {
                counts.put(kind, 0);
            }
            return counts;
        }
    }
}
