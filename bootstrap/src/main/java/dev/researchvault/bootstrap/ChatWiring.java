package dev.researchvault.bootstrap;

import dev.researchvault.application.blob.BlobReconciliation;
import dev.researchvault.application.blob.LegacyFileMigration;
import dev.researchvault.application.blob.LegacyMessageFiles;
import dev.researchvault.application.blob.LegacyMigrationOnLogin;
import dev.researchvault.application.blob.PendingBlobOwners;
import dev.researchvault.application.chat.ChatService;
import dev.researchvault.application.chat.FileSizeLimit;
import dev.researchvault.application.chat.MessageEditService;
import dev.researchvault.application.chat.MessageFileService;
import dev.researchvault.application.vault.VaultWork;
import dev.researchvault.domain.agent.AgentRepository;
import dev.researchvault.domain.agent.ExecutionRepository;
import dev.researchvault.domain.blob.BlobStore;
import dev.researchvault.domain.chat.ChatRepository;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Wires the chat use cases, message files and the blob upkeep after logins (legacy files, reconciliation). */
@Factory
public class ChatWiring {

    private static final Pattern BYTE_SIZE = Pattern.compile("(\\d{1,12})\\s*(B|KB|MB|GB)?", Pattern.CASE_INSENSITIVE);

    /**
     * {@code files.max-file-size}: largest file or thumbnail of a message (default 25 MiB), written like
     * Micronaut's sizes ({@code 25MB}, {@code 512KB}, {@code 1024}; units are powers of 1024).
     */
    @Singleton
    FileSizeLimit fileSizeLimit(@Value("${files.max-file-size:25MB}") String maxFileSize) {
        Matcher size = BYTE_SIZE.matcher(maxFileSize.strip());
        if (!size.matches()) {
            throw new IllegalArgumentException("files.max-file-size must look like 25MB, 512KB or 1024");
        }
        int shift = switch (size.group(2) == null ? "B" : size.group(2).toUpperCase(Locale.ROOT)) {
            case "KB" -> 10;
            case "MB" -> 20;
            case "GB" -> 30;
            default -> 0;
        };
        return new FileSizeLimit(Long.parseLong(size.group(1)) << shift);
    }

    @Singleton
    ChatService chatService(VaultWork vault, ChatRepository repository, AgentRepository agents,
                            ExecutionRepository executions, BlobStore blobs, FileSizeLimit fileSizeLimit,
                            PendingBlobOwners pendingOwners, Clock clock) {
        return new ChatService(vault, repository, agents, executions, blobs, fileSizeLimit, pendingOwners, clock);
    }

    @Singleton
    MessageEditService messageEditService(VaultWork vault, ChatRepository repository, BlobStore blobs, Clock clock) {
        return new MessageEditService(vault, repository, blobs, clock);
    }

    @Singleton
    MessageFileService messageFileService(VaultWork vault, ChatRepository repository, BlobStore blobs,
                                          LegacyMessageFiles legacyFiles) {
        return new MessageFileService(vault, repository, blobs, legacyFiles);
    }

    /**
     * One background thread for the blob upkeep after logins (legacy migration, then reconciliation): both are
     * rare, mostly find nothing to do, and must not compete with requests.
     */
    @Singleton
    @Named("legacy-files")
    @Bean(preDestroy = "shutdown")
    ExecutorService legacyFileExecutor() {
        return Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "legacy-files");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * The blob area's login listener, which {@code AccountWiring} puts into the {@link AccountEventsFanOut}: it
     * runs the legacy migration and then the reconciliation of unreferenced blobs ({@code BlobWiring}).
     */
    @Singleton
    LegacyMigrationOnLogin legacyMigrationOnLogin(VaultWork vault, BlobStore blobs, LegacyMessageFiles legacyFiles,
                                                  BlobReconciliation reconciliation,
                                                  @Named("legacy-files") ExecutorService executor) {
        return new LegacyMigrationOnLogin(vault, new LegacyFileMigration(blobs, legacyFiles), reconciliation,
                executor);
    }
}
