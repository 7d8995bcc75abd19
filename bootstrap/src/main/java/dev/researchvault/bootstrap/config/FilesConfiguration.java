package dev.researchvault.bootstrap.config;

import dev.researchvault.application.blob.StorageQuota;
import dev.researchvault.application.blob.FileSizeLimit;
import dev.researchvault.application.blob.UploadLimits;
import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;

/** Limits on the files users upload ({@code files.*}): per file, per message, per user. */
@ConfigurationProperties("files")
public class FilesConfiguration {

    private long maxFileSize = FileSizeLimit.DEFAULT_MAX_BYTES;
    private int maxFilesPerMessage = UploadLimits.DEFAULT_MAX_FILES_PER_MESSAGE;
    private long storageQuota = StorageQuota.UNLIMITED;
    private Duration uploadExpiry = Duration.ofHours(1);

    /** How long a file uploaded on its own ({@code POST /api/v1/uploads}) waits for a message or document to take it. */
    public Duration getUploadExpiry() {
        return uploadExpiry;
    }

    public void setUploadExpiry(Duration uploadExpiry) {
        if (uploadExpiry.isNegative() || uploadExpiry.isZero()) {
            throw new IllegalArgumentException("files.upload-expiry must be positive, was " + uploadExpiry);
        }
        this.uploadExpiry = uploadExpiry;
    }

    /** Largest file or thumbnail of a message, in bytes. */
    public long getMaxFileSize() {
        return maxFileSize;
    }

    /** A size as {@link ConfigurationValues#bytes} reads it: {@code 25MB}, {@code 512KB}, {@code 1024}. */
    public void setMaxFileSize(String size) {
        this.maxFileSize = ConfigurationValues.bytes("files.max-file-size", size);
    }

    /** The most files one message may carry (default 20). */
    public int getMaxFilesPerMessage() {
        return maxFilesPerMessage;
    }

    public void setMaxFilesPerMessage(int maxFilesPerMessage) {
        if (maxFilesPerMessage < 0) {
            throw new IllegalArgumentException("files.max-files-per-message must be 0 or more, was " + maxFilesPerMessage);
        }
        this.maxFilesPerMessage = maxFilesPerMessage;
    }

    /** The most bytes of files (message files, thumbnails, documents) one user may store; unlimited by default. */
    public long getStorageQuota() {
        return storageQuota;
    }

    /** A size as {@link #setMaxFileSize} reads it, or {@code unlimited}. */
    public void setStorageQuota(String size) {
        this.storageQuota = size.strip().equalsIgnoreCase("unlimited") ? StorageQuota.UNLIMITED
                : ConfigurationValues.bytes("files.storage-quota", size);
    }
}
