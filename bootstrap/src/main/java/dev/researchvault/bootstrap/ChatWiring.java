package dev.researchvault.bootstrap;

import dev.researchvault.application.blob.BlobReconciliation;
import dev.researchvault.application.blob.LegacyFileMigration;
import dev.researchvault.application.blob.LegacyMessageFiles;
import dev.researchvault.application.blob.LegacyMigrationOnLogin;
import dev.researchvault.application.blob.PendingBlobOwners;
import dev.researchvault.application.blob.StorageQuota;
import dev.researchvault.application.chat.ChatService;
import dev.researchvault.application.events.ChangeHub;
import dev.researchvault.application.blob.FileSizeLimit;
import dev.researchvault.application.blob.UploadLimits;
import dev.researchvault.application.chat.MessageEditService;
import dev.researchvault.application.chat.MessageFileService;
import dev.researchvault.application.vault.VaultWork;
import dev.researchvault.bootstrap.config.FilesConfiguration;
import dev.researchvault.domain.agent.AgentRepository;
import dev.researchvault.domain.agent.ExecutionRepository;
import dev.researchvault.domain.blob.BlobStore;
import dev.researchvault.domain.blob.BlobUploads;
import dev.researchvault.domain.blob.StoredBytes;
import dev.researchvault.domain.chat.ChatRepository;
import dev.researchvault.domain.research.ResearchRepository;
import dev.researchvault.domain.writing.WritingRepository;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Wires the chat use cases, message files and the blob upkeep after logins (legacy files, reconciliation). */
@Factory
public class ChatWiring {

    /** {@code files.max-file-size}: largest file or thumbnail of a message (default 25 MiB). */
    @Singleton
    FileSizeLimit fileSizeLimit(FilesConfiguration files) {
        return new FileSizeLimit(files.getMaxFileSize());
    }

    /**
     * Every upload's limits: {@code files.max-file-size}, {@code files.max-files-per-message} (default 20) and
     * {@code files.storage-quota} (default none), shared by message files and documents.
     */
    @Singleton
    UploadLimits uploadLimits(FileSizeLimit fileSizeLimit, FilesConfiguration files, StoredBytes stored) {
        return new UploadLimits(fileSizeLimit, files.getMaxFilesPerMessage(),
                new StorageQuota(stored, files.getStorageQuota()));
    }

    @Singleton
    ChatService chatService(VaultWork vault, ChatRepository repository, AgentRepository agents,
                            ExecutionRepository executions, ResearchRepository research, WritingRepository writing,
                            BlobStore blobs, BlobUploads uploads, UploadLimits uploadLimits,
                            PendingBlobOwners pendingOwners, ChangeHub events, Clock clock) {
        return new ChatService(vault, repository, agents, executions, research, writing, blobs, uploads, uploadLimits,
                pendingOwners, events, clock);
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
