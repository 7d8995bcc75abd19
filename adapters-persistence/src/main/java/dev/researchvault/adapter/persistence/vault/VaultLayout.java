package dev.researchvault.adapter.persistence.vault;

import dev.researchvault.domain.account.UserId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Where each file lives under the data directory. Paths are built only from {@link UserId}s (UUIDs) and
 * fixed names, never from user input, so nothing a client sends can point outside the data directory.
 */
public final class VaultLayout {

    private static final Pattern USER_DIRECTORY =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private static final Set<PosixFilePermission> PRIVATE_DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> PRIVATE_FILE = PosixFilePermissions.fromString("rw-------");

    private final Path dataDir;

    public VaultLayout(Path dataDir) {
        this.dataDir = dataDir.toAbsolutePath().normalize();
    }

    public Path dataDir() {
        return dataDir;
    }

    public Path registry() {
        return dataDir.resolve("registry.db");
    }

    public Path usersDir() {
        return dataDir.resolve("users");
    }

    public Path userDir(UserId user) {
        return usersDir().resolve(user.value().toString());
    }

    public Path file(UserId user, VaultFile file) {
        return userDir(user).resolve(file.fileName());
    }

    /** Where a password change writes the re-encrypted copy of a file before swapping it in. */
    public Path rekeyCopy(UserId user, VaultFile file) {
        return userDir(user).resolve(file.fileName() + ".rekey");
    }

    /** Every user with a directory under {@code users/} or {@code backups/}; other names are ignored. */
    public Set<UserId> usersWithFiles() {
        Set<UserId> users = new HashSet<>();
        for (Path parent : List.of(usersDir(), dataDir.resolve("backups"))) {
            if (!Files.isDirectory(parent)) {
                continue;
            }
            try (Stream<Path> entries = Files.list(parent)) {
                entries.map(path -> path.getFileName().toString())
                        .filter(name -> USER_DIRECTORY.matcher(name).matches())
                        .forEach(name -> users.add(new UserId(UUID.fromString(name))));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return users;
    }

    public Path backupDir(UserId user) {
        return dataDir.resolve("backups").resolve(user.value().toString());
    }

    /** The user's completed backups' directories (temporary {@code .tmp-*} ones excluded). */
    public List<Path> backupDirs(UserId user) {
        Path dir = backupDir(user);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(Files::isDirectory)
                    .filter(path -> !path.getFileName().toString().startsWith("."))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Temporary directories of backups ({@code .tmp-*}): a backup killed half-way leaves one. */
    public List<Path> backupTemporaries(UserId user) {
        Path dir = backupDir(user);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(path -> path.getFileName().toString().startsWith(".tmp-")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where files no account owns are moved aside, never deleted ({@code OrphanFiles}). */
    public Path quarantineDir() {
        return dataDir.resolve("quarantine");
    }

    /** The database file with SQLite's companions that may sit beside it. */
    public static List<Path> withCompanions(Path database) {
        return List.of(database, Path.of(database + "-wal"), Path.of(database + "-shm"), Path.of(database + "-journal"));
    }

    /**
     * Creates {@code directory} and any missing parent, each readable only by the server's user (mode 700, set
     * as it is created, where the file system supports it). Directories that exist are left as they are:
     * an operator's mode — a data directory made read-only, say — is never undone.
     */
    public static void createPrivateDirectories(Path directory) {
        try {
            if (isPosix(directory)) {
                Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(PRIVATE_DIRECTORY));
            } else {
                Files.createDirectories(directory);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Of the data, {@code users} and {@code backups} directories, those group or others may read or enter:
     * made before directories were created private (a {@code backups/} of 0755 listed user ids to everyone).
     * The server does not change a directory it finds; tightening them is the operator's call.
     */
    public List<Path> openToOthers() {
        return Stream.of(dataDir, usersDir(), dataDir.resolve("backups"))
                .filter(directory -> isPosix(directory) && Files.isDirectory(directory))
                .filter(VaultLayout::groupOrOthersMayAccess)
                .toList();
    }

    private static boolean groupOrOthersMayAccess(Path directory) {
        try {
            return Files.getPosixFilePermissions(directory).stream().anyMatch(permission -> !permission.name().startsWith("OWNER_"));
        } catch (IOException unreadable) {
            return false;
        }
    }

    /**
     * Creates an empty file readable only by the server's user, for SQLite to initialise. SQLite gives its
     * -wal and -shm companions the same permissions, so the whole database stays private.
     */
    public static void createPrivateFile(Path file) {
        try {
            createPrivateDirectories(file.getParent());
            if (isPosix(file)) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PRIVATE_FILE));
            } else {
                Files.createFile(file);
            }
        } catch (java.nio.file.FileAlreadyExistsException exists) {
            // Already there: SQLite opens it as it is.
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isPosix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    /**
     * Deletes a directory tree; a missing one, or parts deleted concurrently, are fine. A file that appears
     * while the tree is walked (SQLite recreating a -shm beside a file a closing connection still held) makes
     * its directory non-empty: the walk is repeated a few times before that is an error.
     */
    public static void deleteRecursively(Path root) {
        for (int attempt = 1; ; attempt++) {
            try {
                walkAndDelete(root);
                return;
            } catch (java.nio.file.DirectoryNotEmptyException raced) {
                if (attempt == 3) {
                    throw new UncheckedIOException(raced);
                }
                sleepBriefly();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static void walkAndDelete(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException failure) throws IOException {
                if (failure instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw failure;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path directory, IOException failure) throws IOException {
                Files.deleteIfExists(directory);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static void sleepBriefly() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
