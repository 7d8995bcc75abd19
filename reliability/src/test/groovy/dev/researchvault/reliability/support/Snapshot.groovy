package dev.researchvault.reliability.support

import groovy.transform.EqualsAndHashCode
import groovy.transform.ToString

import java.nio.file.Files
import java.nio.file.Path

/**
 * What must not change when a request is refused: the files under the spec's temp parent (which holds
 * the data directory and the server's working directory), the accounts in the registry, and one user's
 * row counts (but the search index's queue) and backups as the server reports them.
 */
@EqualsAndHashCode
@ToString(includeNames = true)
class Snapshot {

    final Set<String> paths
    final long accounts
    final Map rowCounts
    final List backups

    private Snapshot(Set<String> paths, long accounts, Map rowCounts, List backups) {
        this.paths = paths
        this.accounts = accounts
        this.rowCounts = rowCounts
        this.backups = backups
    }

    /** What differs from {@code other}, for a failure message. */
    String differenceFrom(Snapshot other) {
        "appeared ${paths - other.paths}, vanished ${other.paths - paths}, accounts ${other.accounts} → ${accounts}, " +
                "rows ${other.rowCounts} → ${rowCounts}, backups ${other.backups} → ${backups}"
    }

    static Snapshot take(Path parent, VaultFiles files, Api api, User user) {
        // SQLite's companions (-journal, -wal, -shm) come and go as connections open and close: the stats
        // request just below opens both files of the vault itself. Rows and backups are compared instead.
        Set<String> paths = Files.walk(parent).withCloseable { stream ->
            stream.map { parent.relativize(it).toString() }
                    .filter { !(it.endsWith('-journal') || it.endsWith('-wal') || it.endsWith('-shm')) }.collect() as TreeSet
        }
        def stats = api.get('/api/v1/vault/stats', user.token)
        assert stats.status == 200: stats.toString()
        def backups = api.get('/api/v1/backups', user.token)
        assert backups.status == 200: backups.toString()
        // The search index's queue is applied by any search and in the background (docs/search.md, "The queue"):
        // the index's own state, which a refused request may see change, not the user's rows.
        new Snapshot(paths, files.accountCount(), stats.json.files.collectEntries { name, file ->
            [(name): file.rowCounts.findAll { table, count -> table != 'search_pending' }]
        }, backups.json*.name)
    }
}
