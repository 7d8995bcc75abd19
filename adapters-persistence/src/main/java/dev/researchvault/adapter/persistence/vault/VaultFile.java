package dev.researchvault.adapter.persistence.vault;

import java.util.List;

/**
 * The two encrypted files of a vault. Each has its own key (HKDF from the master key with {@link #hkdfInfo}),
 * its own Flyway migrations and its own page size.
 */
public enum VaultFile {
    VAULT("vault.db", "research-vault/v1/vault.db", "classpath:db/vault", List.of(4096)),
    /**
     * 16 KiB pages: SQLCipher encrypts and authenticates page by page with a fixed cost per page, and a blob
     * spans many pages; 16 KiB pages moved 1 MiB blobs 2–4× faster than 4 KiB ones (docs/benchmarks.md).
     * Files created before that have 4 KiB pages and still open (tried second).
     */
    BLOBS("blobs.db", "research-vault/v1/blobs.db", "classpath:db/blobs", List.of(16384, 4096));

    private final String fileName;
    private final String hkdfInfo;
    private final String migrations;
    private final List<Integer> pageSizes;

    VaultFile(String fileName, String hkdfInfo, String migrations, List<Integer> pageSizes) {
        this.fileName = fileName;
        this.hkdfInfo = hkdfInfo;
        this.migrations = migrations;
        this.pageSizes = pageSizes;
    }

    /**
     * SQLCipher page sizes ({@code cipher_page_size}) this file may have: new files get the first; an existing
     * file is opened with each in turn until one verifies. Copies (backups, re-keying) keep their source's.
     */
    public List<Integer> pageSizes() {
        return pageSizes;
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
