package dev.researchvault.bootstrap.transfer

/** Export and import on a real server: contents, the round trip, isolation, API keys, conflicts. */
class ExportImportHttpSpec extends TransferHttpSupport {

    static final List<String> KINDS = ['agent', 'chat', 'chat_message', 'research', 'research_query',
            'research_resource', 'research_report', 'research_log', 'agent_execution', 'agent_execution_log',
            'document', 'document_text', 'document_chunk', 'document_group', 'document_group_member',
            'writing_session', 'draft', 'draft_version', 'draft_reference', 'setting_override']

    def "an export is a zip of the manifest, each file after its metadata, then one JSON Lines file per kind"() {
        given:
        User alice = user('export')
        Map ids = populate(alice, 'bytes of the file'.bytes)

        when:
        Reply reply = exportOf(alice)
        def entries = unzip(reply.bytes)
        def manifest = json(entries['manifest.json'])

        then:
        reply.status == 200
        reply.contentType == 'application/zip'
        reply.header('Content-Disposition') == 'attachment; filename="research-vault-export.zip"'
        entries.keySet().first() == 'manifest.json'
        manifest.format == 'research-vault-export'
        manifest.version == 1
        manifest.counts.keySet() as List == KINDS
        manifest.counts.chat_message == 2
        manifest.counts.draft_version == 2
        manifest.files == 3
        KINDS.every { entries.containsKey("${it}.jsonl".toString()) }
        !entries.containsKey('api_key.jsonl')
        KINDS.every { lines(entries["${it}.jsonl".toString()]).size() == manifest.counts[it] }

        and: 'a file: its metadata, then its bytes'
        def names = entries.keySet() as List
        def fileName = "files/${ids.message}/0".toString()
        names.indexOf(fileName) == names.indexOf(fileName + '.json') + 1
        new String(entries[fileName], 'UTF-8') == 'bytes of the file'
        with(json(entries[fileName + '.json'])) {
            key == "${ids.message}/0"
            mime == 'text/plain; charset=utf-8'
            size == 17
            sha256 == 'bytes of the file'.bytes.digest('SHA-256')
        }
        entries.containsKey("files/${ids.message}/0.thumb".toString())
        entries.containsKey("files/${ids.document}/0".toString())

        and: 'records carry every column, JSON columns as text'
        lines(entries['chat_message.jsonl']).find { it.id == ids.message }.files.contains('note.txt')
        lines(entries['research.jsonl'])[0].chat_id == ids.chat
        lines(entries['setting_override.jsonl'])*.setting_key == ['llm.model']
    }

    def "every entry of an export is valid against its JSON Schema in docs/export-schema, API keys included"() {
        given:
        User alice = user('schema')
        populate(alice)
        def entries = unzip(post('/api/v1/export', [includeApiKeys: true, password: PASSWORD], alice.token).bytes)

        when:
        List<String> problems = entries.collectMany { name, bytes ->
            if (name == 'manifest.json') {
                return ExportSchemas.problems(json(bytes), ExportSchemas.schema('manifest'), name)
            }
            if (name.startsWith('files/')) {
                return name.endsWith('.json') ? ExportSchemas.problems(json(bytes), ExportSchemas.schema('file'), name) : []
            }
            Map schema = ExportSchemas.schema(name - '.jsonl')
            lines(bytes).withIndex().collectMany { line, i -> ExportSchemas.problems(line, schema, "${name}:${i + 1}") }
        }

        then:
        entries.keySet().findAll { it.endsWith('.jsonl') }.size() == KINDS.size() + 1
        problems == []
    }

    def "the schema validator refuses what the schemas forbid"() {
        expect:
        ExportSchemas.problems([id: 'x', title: 't', created_at: 'c', updated_at: 'u', agent_id: null, agent_name: null],
                ExportSchemas.schema('chat')) == []
        ExportSchemas.problems([id: 1, title: 't', created_at: 'c', updated_at: 'u', agent_id: null, agent_name: null, extra: 1],
                ExportSchemas.schema('chat')).size() == 2
        ExportSchemas.problems([id: 'x'], ExportSchemas.schema('chat')).size() == 5
    }

    def "an export imported into a fresh account and exported again is the same archive, but for the manifest's time"() {
        given:
        User alice = user('round')
        populate(alice)
        def first = unzip(exportOf(alice).bytes)
        User bob = user('fresh')

        when:
        Reply imported = importInto(bob, exportOf(alice).bytes)
        def second = unzip(exportOf(bob).bytes)

        then:
        imported.status == 200
        imported.json.files == 3
        imported.json.records.chat_message == 2
        second.keySet() == first.keySet()
        second.findAll { it.key != 'manifest.json' }.every { name, bytes -> Arrays.equals(bytes, first[name]) }
        json(second['manifest.json']).findAll { it.key != 'createdAt' } == json(first['manifest.json']).findAll { it.key != 'createdAt' }

        and: 'what the triggers keep was rebuilt: search, usage, row counts'
        get('/api/v1/search?q=research', bob.token).json.total >= 1
        get('/api/v1/usage?from=2020-01-01T00:00:00Z&to=2030-01-01T00:00:00Z', bob.token).json.total.calls ==
                get('/api/v1/usage?from=2020-01-01T00:00:00Z&to=2030-01-01T00:00:00Z', alice.token).json.total.calls
        get("/api/v1/messages/${lines(first['chat_message.jsonl']).find { it.files != '[]' }.id}/files/0", bob.token).text ==
                'a file in a message'
        get('/api/v1/vault/integrity', bob.token).json.vault == 'ok'
    }

    def "another user's export never holds your data"() {
        given:
        User alice = user('mine')
        User bob = user('theirs')
        Map ids = populate(alice)
        populate(bob)

        when:
        String bobs = new String(exportOf(bob).bytes, 'ISO-8859-1') + unzip(exportOf(bob).bytes).values()
                .collect { new String(it, 'UTF-8') }.join('\n')

        then:
        ids.values().every { !bobs.contains(it) }
        !bobs.contains(alice.name)
    }

    def "API keys leave only when asked for, with the password proven again"() {
        given:
        User alice = user('keys')
        populate(alice)

        expect:
        post('/api/v1/export', [includeApiKeys: true, password: 'not the password'], alice.token).status == 403
        post('/api/v1/export', [includeApiKeys: true], alice.token).json.code == 'export.password-required'
        !unzip(post('/api/v1/export', [:], alice.token).bytes).containsKey('api_key.jsonl')

        when:
        def entries = unzip(post('/api/v1/export', [includeApiKeys: true, password: PASSWORD], alice.token).bytes)

        then:
        lines(entries['api_key.jsonl'])*.secret == ['sk-secret-of-' + alice.name]
        json(entries['manifest.json']).counts.api_key == 1
    }

    def "an import whose ids are taken imports nothing and names the conflicts"() {
        given:
        User alice = user('twice')
        Map ids = populate(alice)
        byte[] archive = exportOf(alice).bytes
        post('/api/v1/research', [query: 'one more', mode: 'quick'], alice.token)
        def before = unzip(exportOf(alice).bytes).findAll { it.key != 'manifest.json' }

        when:
        Reply again = importInto(alice, archive)

        then:
        again.status == 409
        again.problem
        again.json.code == 'import.conflict'
        again.json.detail.contains(ids.research)
        unzip(exportOf(alice).bytes).findAll { it.key != 'manifest.json' }.every { name, bytes -> Arrays.equals(bytes, before[name]) }
    }

    def "an import keeps the ids, and a vault with other data keeps it"() {
        given:
        User alice = user('source')
        Map ids = populate(alice)
        User bob = user('target')
        Map bobs = post('/api/v1/research', [query: 'bob was here', mode: 'quick'], bob.token).json

        when:
        Reply reply = importInto(bob, exportOf(alice).bytes)

        then:
        reply.status == 200
        get("/api/v1/research/${ids.research}", bob.token).status == 200
        get("/api/v1/research/${bobs.id}", bob.token).status == 200
        get("/api/v1/documents/${ids.document}/file", bob.token).status == 200
        get("/api/v1/drafts/${ids.draft}/versions", bob.token).json.total == 2
    }
}
