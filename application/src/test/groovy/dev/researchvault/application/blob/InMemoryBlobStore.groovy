package dev.researchvault.application.blob

import dev.researchvault.application.vault.OneVault
import dev.researchvault.domain.blob.Blob
import dev.researchvault.domain.blob.BlobDigest
import dev.researchvault.domain.blob.BlobInfo
import dev.researchvault.domain.blob.BlobKey
import dev.researchvault.domain.blob.BlobStore
import dev.researchvault.domain.blob.BlobStream
import groovy.transform.CompileStatic

import java.util.concurrent.ConcurrentSkipListMap

/**
 * {@link BlobStore} in a sorted map, for use-case specs. Keeps its own copy of saved arrays and hands out
 * copies, so a caller mutating an array cannot change what is stored (as with the database).
 */
@CompileStatic
class InMemoryBlobStore implements BlobStore {

    /** Every call needs a bound vault, as in the SQLite adapter. */
    private final OneVault vault = new OneVault()

    private final NavigableMap<String, Blob> blobs = new ConcurrentSkipListMap<>()

    @Override
    BlobInfo save(BlobKey key, String mime, byte[] data) {
        vault.enter()
        def info = new BlobInfo(mime, data.length, BlobDigest.of(data))
        blobs.put(key.value(), new Blob(info, data.clone()))
        info
    }

    @Override
    Optional<Blob> get(BlobKey key) {
        vault.enter()
        Optional.ofNullable(blobs.get(key.value())).map { Blob blob -> new Blob(blob.info(), blob.data().clone()) }
    }

    @Override
    Optional<BlobStream> openStream(BlobKey key) {
        vault.enter()
        get(key).map { Blob blob -> new BlobStream(blob.info(), new ByteArrayInputStream(blob.data())) }
    }

    @Override
    Optional<BlobInfo> info(BlobKey key) {
        vault.enter()
        Optional.ofNullable(blobs.get(key.value())).map { Blob blob -> blob.info() }
    }

    @Override
    boolean exists(BlobKey key) {
        vault.enter()
        blobs.containsKey(key.value())
    }

    @Override
    boolean delete(BlobKey key) {
        vault.enter()
        blobs.remove(key.value()) != null
    }

    @Override
    int deleteByPrefixes(Collection<String> prefixes) {
        vault.enter()
        if (prefixes.any { String prefix -> prefix.isEmpty() }) {
            throw new IllegalArgumentException('an empty prefix would match every blob')
        }
        def doomed = blobs.keySet().findAll { String key -> prefixes.any { String prefix -> key.startsWith(prefix) } }
        doomed.each { String key -> blobs.remove(key) }
        doomed.size()
    }

    @Override
    List<UUID> owners(Optional<UUID> after, int max) {
        vault.enter()
        if (max < 1) {
            throw new IllegalArgumentException('max must be at least 1')
        }
        String from = after.map { UUID owner -> owner.toString() + '0' }.orElse('')
        List<UUID> owners = []
        for (String key : blobs.tailMap(from, true).keySet()) {
            UUID owner = ownerOf(key)
            if (owner != null && (owners.isEmpty() || owners.last() != owner)) {
                if (owners.size() == max) {
                    break
                }
                owners << owner
            }
        }
        owners
    }

    /** The canonical UUID before the key's first slash, or null for a key of another form. */
    private static UUID ownerOf(String key) {
        int slash = key.indexOf('/')
        if (slash != 36) {
            return null
        }
        try {
            UUID owner = UUID.fromString(key.substring(0, 36))
            owner.toString() == key.substring(0, 36) ? owner : null
        } catch (IllegalArgumentException ignored) {
            null
        }
    }

    /** Every stored key, sorted: for assertions. */
    List<String> keys() {
        new ArrayList<>(blobs.keySet())
    }
}
