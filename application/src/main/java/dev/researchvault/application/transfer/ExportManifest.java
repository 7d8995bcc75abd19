package dev.researchvault.application.transfer;

import dev.researchvault.domain.RuleViolationException;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code manifest.json}, the first entry of an export: which format and version the archive is in, when and by
 * which version of the server it was made, and how many records of each kind and files it holds.
 */
record ExportManifest(long version, Instant createdAt, String appVersion, Map<String, Long> counts, long files) {

    static final String ENTRY = "manifest.json";
    static final String FORMAT = "research-vault-export";
    /** Raised whenever a change would make an older server misread an archive (docs/export-format.md). */
    static final long VERSION = 1;

    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("format", FORMAT);
        json.put("version", version);
        json.put("createdAt", createdAt.toString());
        json.put("appVersion", appVersion);
        json.put("counts", counts);
        json.put("files", files);
        return json;
    }

    /**
     * The manifest of an archive to import.
     *
     * @throws RuleViolationException {@code import.unsupported-format} when it is not an export of ours, of a
     *                                version this server reads
     */
    static void check(Map<String, Object> json) {
        if (!FORMAT.equals(json.get("format"))) {
            throw new RuleViolationException("import.unsupported-format",
                    "the archive's manifest.json does not name the format " + FORMAT);
        }
        if (!Long.valueOf(VERSION).equals(json.get("version"))) {
            throw new RuleViolationException("import.unsupported-format",
                    "this server reads version " + VERSION + " of the export format only");
        }
    }
}
