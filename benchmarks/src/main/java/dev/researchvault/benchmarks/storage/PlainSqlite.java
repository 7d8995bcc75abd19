package dev.researchvault.benchmarks.storage;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.Statement;
import java.util.Properties;

/**
 * Plaintext SQLite through the current xerial driver. Xerial and the SQLCipher driver both live in package
 * {@code org.sqlite}, so xerial is loaded from its own jar (copied to {@code target/plain-driver} by the
 * build) in a class loader that does not see the application class path, and is used only through the
 * {@link Driver} and {@link Connection} interfaces.
 */
final class PlainSqlite {

    private static final String DRIVER_JAR = "plain-driver/xerial-sqlite-jdbc.jar";

    /** One loader per process: a native library can be bound to only one class loader. */
    private static Driver driver;

    private PlainSqlite() {
    }

    /**
     * Opens {@code file} with the pragmas {@code SqlCipher.open} uses, minus the cipher: the same page size
     * for a new file (it must be set before WAL mode) and the same journal, sync and cache settings.
     */
    static Connection open(Path file, int pageSize, long busyTimeoutMillis, int pageCacheKiB) throws Exception {
        Connection connection = driver().connect("jdbc:sqlite:" + file, new Properties());
        try (Statement pragmas = connection.createStatement()) {
            pragmas.execute("PRAGMA page_size=" + pageSize);
            pragmas.execute("PRAGMA journal_mode=WAL");
            pragmas.execute("PRAGMA synchronous=FULL");
            pragmas.execute("PRAGMA foreign_keys=ON");
            pragmas.execute("PRAGMA busy_timeout=" + busyTimeoutMillis);
            pragmas.execute("PRAGMA cache_size=-" + pageCacheKiB);
        }
        return connection;
    }

    /** The SQLite version of the plaintext driver, for the report. */
    static String version() throws Exception {
        Path file = Files.createTempFile("rv-plain-version", ".db");
        try (Connection connection = driver().connect("jdbc:sqlite:" + file, new Properties())) {
            return connection.getMetaData().getDatabaseProductVersion();
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static synchronized Driver driver() throws Exception {
        if (driver != null) {
            return driver;
        }
        Path jar = targetDirectory().resolve(DRIVER_JAR);
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("missing " + jar + ": build the benchmarks module first");
        }
        // Parent = platform loader: java.sql is visible, the application's org.sqlite (SQLCipher) is not.
        URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
        driver = (Driver) loader.loadClass("org.sqlite.JDBC").getDeclaredConstructor().newInstance();
        return driver;
    }

    /** {@code benchmarks/target}, found from where this class was loaded ({@code target/classes}). */
    private static Path targetDirectory() throws Exception {
        Path classes = Path.of(PlainSqlite.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        return classes.getParent();
    }
}
