package dev.researchvault.application.transfer;

import dev.researchvault.domain.RuleViolationException;
import dev.researchvault.domain.blob.BlobInfo;
import dev.researchvault.domain.blob.BlobKey;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The two entries of each file in an export: {@code files/<key>.json} (key, media type, size, SHA-256) and
 * {@code files/<key>} (the bytes), where {@code <key>} is the blob's key, {@code <ownerId>/<index>} or
 * {@code <ownerId>/<index>.thumb}. Only names of exactly this form are accepted on import, so no entry
 * name can point anywhere (nothing is ever written to disk from a name either).
 */
final class FileEntries {

    static final String PREFIX = "files/";
    private static final String METADATA = ".json";

    private FileEntries() {
    }

    static String metadataName(BlobKey key) {
        return PREFIX + key.value() + METADATA;
    }

    static String bytesName(BlobKey key) {
        return PREFIX + key.value();
    }

    static Map<String, Object> metadata(BlobKey key, BlobInfo info) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("key", key.value());
        json.put("mime", info.mime());
        json.put("size", info.size());
        json.put("sha256", info.digest().sha256Hex());
        return json;
    }

    /**
     * The key a metadata entry's name holds.
     *
     * @throws RuleViolationException {@code import.unexpected-entry} for any other name
     */
    static BlobKey keyOfMetadata(String entryName) {
        if (!entryName.startsWith(PREFIX) || !entryName.endsWith(METADATA)) {
            throw ImportErrors.unexpectedEntry();
        }
        try {
            return BlobKey.parse(entryName.substring(PREFIX.length(), entryName.length() - METADATA.length()));
        } catch (RuleViolationException notAKey) {
            throw ImportErrors.unexpectedEntry();
        }
    }
}
