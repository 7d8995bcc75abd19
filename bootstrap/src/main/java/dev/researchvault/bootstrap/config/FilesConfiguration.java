package dev.researchvault.bootstrap.config;

import dev.researchvault.application.blob.StorageQuota;
import dev.researchvault.application.chat.FileSizeLimit;
import dev.researchvault.application.chat.UploadLimits;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.convert.ConversionContext;
import io.micronaut.core.convert.format.ReadableBytesTypeConverter;
import java.time.Duration;

/** Limits on the files users upload ({@code files.*}): per file, per message, per user. */
@ConfigurationProperties("files")
public class FilesConfiguration {

    /** Micronaut's own reading of sizes, the one {@code @ReadableBytes} applies. */
    private static final ReadableBytesTypeConverter READABLE_BYTES = new ReadableBytesTypeConverter();

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

    /**
     * A size as Micronaut reads it ({@code @ReadableBytes}): {@code 25MB}, {@code 512KB}, {@code 1GB} (powers of
     * 1024, any case) or a plain number of bytes. Taken as a string rather than through {@code @ReadableBytes} on a
     * {@code long} so that the spellings the earlier parser also took keep starting the server: spaces
     * ({@code 25 MB}) and a {@code B} after a plain number ({@code 1024B}).
     */
    public void setMaxFileSize(String size) {
        this.maxFileSize = bytes("files.max-file-size", size);
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
                : bytes("files.storage-quota", size);
    }

    private static long bytes(String key, String size) {
        String compact = size.replaceAll("\\s", "");
        boolean bytesUnit = compact.length() > 1 && Character.isDigit(compact.charAt(compact.length() - 2))
                && Character.toUpperCase(compact.charAt(compact.length() - 1)) == 'B';
        String readable = bytesUnit ? compact.substring(0, compact.length() - 1) : compact;
        long bytes = READABLE_BYTES.convert(readable, Number.class, ConversionContext.DEFAULT)
                .map(Number::longValue)
                .filter(value -> value >= 0)
                .orElseThrow(() -> new IllegalArgumentException(key + " must be a size such as 25MB, "
                        + "512KB or 1024 (bytes), was '" + size + "'"));
        return bytes;
    }
}
