package dev.researchvault.application.blob;

import dev.researchvault.domain.LimitExceededException;

/**
 * The limits on files the users upload (message files, documents): each file's size, how many files one message
 * carries, and the user's storage quota.
 *
 * @param maxFilesPerMessage the most files one message may carry
 */
public record UploadLimits(FileSizeLimit fileSize, int maxFilesPerMessage, StorageQuota quota) {

    /** 20: a message is a conversation turn, not an archive; more files belong in the document library. */
    public static final int DEFAULT_MAX_FILES_PER_MESSAGE = 20;

    public UploadLimits {
        if (maxFilesPerMessage < 0) {
            throw new IllegalArgumentException("a file count limit is zero or more");
        }
    }

    /** {@code fileSize} with the default count of files and no quota (tests, and tools that need no more). */
    public static UploadLimits of(FileSizeLimit fileSize) {
        return new UploadLimits(fileSize, DEFAULT_MAX_FILES_PER_MESSAGE, StorageQuota.unlimited());
    }

    /**
     * @throws LimitExceededException {@code chat.too-many-files} (413) when {@code count} files are more than a
     *         message may carry
     */
    public void checkFileCount(int count) {
        if (count > maxFilesPerMessage) {
            throw new LimitExceededException("chat.too-many-files",
                    "a message may carry at most " + maxFilesPerMessage + " files");
        }
    }
}
