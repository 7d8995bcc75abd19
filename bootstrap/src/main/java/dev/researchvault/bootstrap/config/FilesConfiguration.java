package dev.researchvault.bootstrap.config;

import dev.researchvault.application.chat.FileSizeLimit;
import io.micronaut.context.annotation.ConfigurationProperties;

/** Limits on the files messages carry ({@code files.*}). */
@ConfigurationProperties("files")
public class FilesConfiguration {

    private long maxFileSize = FileSizeLimit.DEFAULT_MAX_BYTES;

    /** Largest file or thumbnail of a message, in bytes. */
    public long getMaxFileSize() {
        return maxFileSize;
    }

    /** A size as {@link ConfigurationValues#bytes} reads it: {@code 25MB}, {@code 512KB}, {@code 1024}. */
    public void setMaxFileSize(String size) {
        this.maxFileSize = ConfigurationValues.bytes("files.max-file-size", size);
    }
}
