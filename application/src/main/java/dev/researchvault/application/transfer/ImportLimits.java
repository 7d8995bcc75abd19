package dev.researchvault.application.transfer;

/**
 * How much an import may bring: the archive as sent ({@code transfer.max-import-size}), everything it expands to
 * ({@code transfer.max-import-expanded-size}: a small zip can hold a huge entry), and each file (the same limit
 * as uploads, {@code files.max-file-size}). A line of JSON is bounded by {@link #MAX_LINE_BYTES}.
 */
public record ImportLimits(long maxImportBytes, long maxExpandedBytes, long maxFileBytes) {

    /** One record: a document's extracted text (at most 10,000,000 characters) is the largest there is. */
    static final int MAX_LINE_BYTES = 32 * 1024 * 1024;
    /** The manifest and a file's metadata are small by construction. */
    static final int MAX_SMALL_ENTRY_BYTES = 1024 * 1024;

    public ImportLimits {
        if (maxImportBytes < 1 || maxExpandedBytes < 1 || maxFileBytes < 1) {
            throw new IllegalArgumentException("import limits are positive");
        }
    }
}
