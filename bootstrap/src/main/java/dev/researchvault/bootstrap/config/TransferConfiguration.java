package dev.researchvault.bootstrap.config;

import io.micronaut.context.annotation.ConfigurationProperties;

/**
 * Limits of an import ({@code transfer.*}). The archive as sent is also bounded by the framework's
 * {@code micronaut.server.max-request-size} (40MB as shipped): raise both to import larger vaults
 * (docs/operations.md).
 */
@ConfigurationProperties("transfer")
public class TransferConfiguration {

    private long maxImportSize = 2L * 1024 * 1024 * 1024;
    private long maxImportExpandedSize = 20L * 1024 * 1024 * 1024;

    /** Largest archive an import takes, in bytes (413 {@code import.too-large} above it). */
    public long getMaxImportSize() {
        return maxImportSize;
    }

    public void setMaxImportSize(String size) {
        this.maxImportSize = ConfigurationValues.atLeast("transfer.max-import-size",
                ConfigurationValues.bytes("transfer.max-import-size", size), 1);
    }

    /** Most an archive may expand to, in bytes: a small zip can hold a huge entry. */
    public long getMaxImportExpandedSize() {
        return maxImportExpandedSize;
    }

    public void setMaxImportExpandedSize(String size) {
        this.maxImportExpandedSize = ConfigurationValues.atLeast("transfer.max-import-expanded-size",
                ConfigurationValues.bytes("transfer.max-import-expanded-size", size), 1);
    }
}
