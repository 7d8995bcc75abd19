package dev.researchvault.bootstrap.transfer

import dev.researchvault.adapter.persistence.vault.VaultFile
import spock.lang.Shared

/**
 * Hostile and broken archives: each is refused with a 4xx problem and leaves the vault exactly as it was, files
 * included (those an import stored before its refusal are deleted again).
 */
class HostileImportHttpSpec extends TransferHttpSupport {

    @Shared
    LinkedHashMap<String, byte[]> valid

    @Shared
    Map ids

    def setupSpec() {
        User source = user('source')
        ids = populate(source)
        valid = unzip(get('/api/v1/export', source.token).bytes)
    }

    /** The valid export with some entries replaced (a null value drops the entry), in the same order. */
    byte[] changed(Map<String, Object> replacements, Map<String, Object> appended = [:]) {
        Map<String, Object> entries = new LinkedHashMap<>(valid)
        replacements.each { name, content -> content == null ? entries.remove(name) : entries.put(name, content) }
        zip(entries + appended)
    }

    /** What a vault holds, as far as an import could touch it: its export but for the time, and its blobs. */
    List state(User user) {
        [unzip(exportOf(user).bytes).findAll { it.key != 'manifest.json' }.collectEntries { [it.key, it.value.encodeHex().toString()] },
         blobKeys(user)]
    }

    def "#why: #status #code, nothing changed"() {
        given:
        User target = user('target')
        post('/api/v1/research', [query: 'was here before', mode: 'quick'], target.token)
        def before = state(target)

        when:
        Reply reply = importInto(target, archive.call(this) as byte[])

        then:
        reply.status == status
        reply.problem
        reply.json.code == code
        state(target) == before

        where:
        why                                  | archive                                                                      || status | code
        'not a zip'                          | { 'hello, world'.bytes }                                                     || 400    | 'import.malformed'
        'an empty body'                      | { new byte[0] }                                                              || 400    | 'request.invalid'
        'no manifest first'                  | { zip(['research.jsonl': '']) }                                              || 400    | 'import.malformed'
        'another format'                     | { it.changed(['manifest.json': '{"format":"other","version":1}']) }          || 400    | 'import.unsupported-format'
        'a later version'                    | { it.changed(['manifest.json': '{"format":"research-vault-export","version":2}']) } || 400 | 'import.unsupported-format'
        'a manifest that is not JSON'        | { it.changed(['manifest.json': '{"format":']) }                              || 400    | 'import.invalid-json'
        'a zip-slip name'                    | { it.changed([:], ['../../../tmp/evil.jsonl': '']) }                         || 400    | 'import.unexpected-entry'
        'an absolute name'                   | { it.changed([:], ['/etc/passwd': 'x']) }                                    || 400    | 'import.unexpected-entry'
        'a file name that climbs'            | { zip(['manifest.json': it.valid['manifest.json'], 'files/../../x.json': '{}']) } || 400 | 'import.unexpected-entry'
        'an unknown kind'                    | { it.changed([:], ['users.jsonl': '{}']) }                                   || 400    | 'import.unexpected-entry'
        'a derived table'                    | { it.changed([:], ['vault_meta.jsonl': '{"name":"x","value":"y"}']) }        || 400    | 'import.unexpected-entry'
        'a file after the records'           | { it.changed([:], [("files/${UUID.randomUUID()}/0.json".toString()): '{}']) }   || 400    | 'import.unexpected-entry'
        'a line that is not JSON'            | { it.changed(['research.jsonl': '{"id": oops}\n']) }                         || 400    | 'import.invalid-json'
        'a nested value'                     | { it.changed(['research.jsonl': '{"id":{"a":1}}\n']) }                       || 400    | 'import.invalid-json'
        'a fraction'                         | { it.changed(['research.jsonl': '{"id":"x","progress":1.5}\n']) }            || 400    | 'import.invalid-json'
        'a field no table has'               | { it.changed(['research.jsonl': '{"id":"x","; DROP TABLE research":1}\n']) } || 400    | 'import.invalid-record'
        'a value a CHECK refuses'            | { it.changed(['research.jsonl': it.line('research.jsonl') { r -> r.progress = 500 }]) } || 400 | 'import.invalid-record'
        'a required value missing'           | { it.changed(['research.jsonl': it.line('research.jsonl') { r -> r.remove('query') }]) } || 400 | 'import.invalid-record'
        'a reference to nothing'             | { it.changed(['research_query.jsonl': it.line('research_query.jsonl') { r -> r.research_id = UUID.randomUUID().toString() }]) } || 400 | 'import.invalid-reference'
        'bytes that do not match the digest' | { it.changed([(it.fileOf(it.ids.message)): 'other bytes of the file!!'.bytes[0..<19] as byte[]]) } || 400 | 'import.invalid-file'
        'fewer bytes than announced'         | { it.changed([(it.fileOf(it.ids.message)): 'short'.bytes]) }                 || 400    | 'blob.size-mismatch'
        'metadata without its bytes'         | { it.changed([(it.fileOf(it.ids.message)): null]) }                          || 400    | 'import.unexpected-entry'
        'metadata naming another key'        | { it.changed([(it.fileOf(it.ids.message) + '.json'): '{"key":"x","mime":"text/plain","size":1,"sha256":"00"}']) } || 400 | 'import.invalid-file'
        'a file over files.max-file-size'    | { it.changed([(it.fileOf(it.ids.message) + '.json'): '{"key":"' + it.ids.message + '/0","mime":"text/plain","size":26214401,"sha256":"00"}']) } || 413 | 'import.too-large'
        'a zip bomb'                         | { it.changed(['research.jsonl': new byte[30 * 1024 * 1024]]) }               || 413    | 'import.too-large'
        'a body over the limit'              | { it.withFile(it.ids.message, random(5 * 1024 * 1024)) }                      || 413    | 'import.too-large'
    }

    def "files stored before a refusal are deleted again"() {
        given:
        User target = user('cleaned')
        byte[] broken = changed(['setting_override.jsonl': '{"setting_key": 1, "unknown": 2}\n'])

        when:
        Reply reply = importInto(target, broken)

        then:
        reply.status == 400
        blobKeys(target).isEmpty()
        rowsOf(target, VaultFile.VAULT, 'SELECT count(*) FROM research')[0][0] == 0
    }

    /** The valid export with the first file of {@code owner} replaced by {@code bytes}, metadata to match. */
    byte[] withFile(String owner, byte[] bytes) {
        String name = fileOf(owner)
        Map metadata = json(valid[name + '.json']) as Map
        metadata.size = bytes.length
        metadata.sha256 = bytes.digest('SHA-256')
        changed([(name + '.json'): groovy.json.JsonOutput.toJson(metadata), (name): bytes])
    }

    String fileOf(String owner) {
        "files/${owner}/0".toString()
    }

    /** The kind's first line, changed by {@code change}, as the whole entry. */
    String line(String entry, Closure change) {
        Map record = lines(valid[entry])[0]
        change(record)
        groovy.json.JsonOutput.toJson(record) + '\n'
    }

    static byte[] random(int n) {
        byte[] bytes = new byte[n]
        new Random(7).nextBytes(bytes)
        bytes
    }
}
