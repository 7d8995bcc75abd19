package dev.researchvault.adapter.persistence.vault;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.api.Location;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.resource.LoadableResource;
import org.flywaydb.core.internal.resource.classpath.ClassPathResource;

/**
 * Hands Flyway the SQL migrations of one location from a list instead of letting it scan the classpath. In a
 * native image there is no directory or jar to scan: Flyway would find no script there and migrate nothing,
 * without an error. Each script is read through Flyway's own {@link ClassPathResource}, as its scanner would, so
 * names and checksums stay those already recorded in every vault. ListedMigrationsSpec fails when a script under
 * {@code db/} is missing here, and NativeImageMetadataSpec when bootstrap's native-image metadata leaves one out.
 */
final class ListedMigrations implements ResourceProvider {

    private static final Map<String, List<String>> SCRIPTS = Map.of(
            "db/vault", List.of("V1__vault_meta.sql", "V2__research.sql", "V3__chat.sql", "V4__settings.sql",
                    "V5__row_counts.sql", "V6__agents_and_usage.sql", "V7__documents.sql",
                    "V8__writing.sql", "V9__search.sql", "V10__search_write_cost.sql",
                    "V11__search_merge_off_writes.sql", "V12__search_backlog.sql"),
            "db/blobs", List.of("V1__blob.sql", "V2__blob_metadata_before_bytes.sql", "V3__blob_chunks.sql"),
            "db/registry", List.of("V1__accounts.sql"));

    private final List<LoadableResource> resources;

    /** @param location a Flyway location such as {@code classpath:db/vault} */
    ListedMigrations(String location) {
        Location parsed = new Location(location);
        ClassLoader classLoader = ListedMigrations.class.getClassLoader();
        this.resources = scripts(parsed.getRootPath()).stream()
                .<LoadableResource>map(name -> new ClassPathResource(parsed, parsed.getRootPath() + "/" + name,
                        classLoader, StandardCharsets.UTF_8))
                .toList();
    }

    /** The scripts listed for a classpath directory such as {@code db/vault}. */
    static List<String> scripts(String directory) {
        List<String> scripts = SCRIPTS.get(directory);
        if (scripts == null) {
            throw new IllegalArgumentException("no migrations are listed for " + directory);
        }
        return scripts;
    }

    @Override
    public LoadableResource getResource(String name) {
        return resources.stream().filter(resource -> resource.getRelativePath().equals(name)).findFirst().orElse(null);
    }

    /** Flyway asks by prefix ({@code V}, {@code R}, callback names) and suffix ({@code .sql}). */
    @Override
    public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
        return resources.stream()
                .filter(resource -> resource.getFilename().startsWith(prefix))
                .filter(resource -> Arrays.stream(suffixes).anyMatch(resource.getFilename()::endsWith))
                .toList();
    }
}
