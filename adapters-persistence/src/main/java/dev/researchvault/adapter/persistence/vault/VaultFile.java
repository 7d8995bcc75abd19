package dev.researchvault.adapter.persistence.vault;

/**
 * The two encrypted files of a vault. Each has its own key (HKDF from the master key with {@link #hkdfInfo})
 * and its own Flyway migrations.
 */
public enum VaultFile {
    VAULT("vault.db", "research-vault/v1/vault.db", "classpath:db/vault"),
    BLOBS("blobs.db", "research-vault/v1/blobs.db", "classpath:db/blobs");

    private final String fileName;
    private final String hkdfInfo;
    private final String migrations;

    VaultFile(String fileName, String hkdfInfo, String migrations) {
        this.fileName = fileName;
        this.hkdfInfo = hkdfInfo;
        this.migrations = migrations;
    }

    public String fileName() {
        return fileName;
    }

    /** The HKDF "info" label; documented in docs/file-format.md. Changing it would lock every user out. */
    public String hkdfInfo() {
        return hkdfInfo;
    }

    public String migrations() {
        return migrations;
    }
}
