package dev.researchvault.bootstrap.document

/** {@code /api/v1/document-groups}: create, read, rename, delete, unique names, idempotent membership. */
class DocumentGroupHttpSpec extends DocumentHttpSupport {

    User alice = user('groups')

    def 'a group is complete in shape, counts its documents, and reads back the same'() {
        when:
        Reply created = post('/api/v1/document-groups', [name: 'Physics', description: 'papers'], alice.token)

        then:
        created.status == 201
        with(created.json) {
            UUID.fromString(id)
            name == 'Physics'
            description == 'papers'
            documentCount == 0
            createdAt == updatedAt
        }
        get("/api/v1/document-groups/${created.json.id}", alice.token).json == created.json
    }

    def 'names are unique per user without regard to ASCII case, on create and rename'() {
        given:
        newGroup(alice, 'Biology')
        Map other = newGroup(alice, 'Chemistry')
        User bob = user('other')

        expect:
        post('/api/v1/document-groups', [name: 'BIOLOGY'], alice.token).status == 409
        with(patch("/api/v1/document-groups/${other.id}", [name: 'biology'], alice.token)) {
            status == 409
            json.code == 'document-group.name-taken'
        }
        post('/api/v1/document-groups', [name: 'Biology'], bob.token).status == 201
        patch("/api/v1/document-groups/${other.id}", [name: 'Chem', description: ''], alice.token).json.name == 'Chem'
    }

    def 'bad names are 400: #name'() {
        expect:
        post('/api/v1/document-groups', [name: name], alice.token).json.code == 'document-group.invalid-name'

        where:
        name << [null, '', '  ', ' padded', 'n' * 201]
    }

    def 'membership is idempotent both ways, documents name their groups, deleting a group keeps its documents'() {
        given:
        Map doc = newDocument(alice)
        Map a = newGroup(alice, 'Alpha')
        Map b = newGroup(alice, 'beta')
        String inA = "/api/v1/document-groups/${a.id}/documents/${doc.id}"

        expect:
        put(inA, null, alice.token).status == 204
        put(inA, null, alice.token).status == 204
        put("/api/v1/document-groups/${b.id}/documents/${doc.id}", null, alice.token).status == 204
        get("/api/v1/document-groups/${a.id}", alice.token).json.documentCount == 1
        get("/api/v1/documents/${doc.id}", alice.token).json.groups == [[id: a.id, name: 'Alpha'], [id: b.id, name: 'beta']]
        delete(inA, alice.token).status == 204
        delete(inA, alice.token).status == 204
        get("/api/v1/document-groups/${a.id}", alice.token).json.documentCount == 0
        delete("/api/v1/document-groups/${b.id}", alice.token).status == 204
        get("/api/v1/document-groups/${b.id}", alice.token).status == 404
        with(get("/api/v1/documents/${doc.id}", alice.token)) {
            status == 200
            json.groups == []
        }
    }

    def 'membership of an unknown group or document is 404 and names which'() {
        given:
        Map doc = newDocument(alice)
        Map group = newGroup(alice)

        expect:
        put("/api/v1/document-groups/$MISSING/documents/${doc.id}", null, alice.token).json.code == 'document-group.not-found'
        put("/api/v1/document-groups/${group.id}/documents/$MISSING", null, alice.token).json.code == 'document.not-found'
        delete("/api/v1/document-groups/${group.id}/documents/not-an-id", alice.token).json.code == 'document.not-found'
        patch("/api/v1/document-groups/$MISSING", [name: 'x'], alice.token).status == 404
        delete("/api/v1/document-groups/$MISSING", alice.token).status == 404
    }

    def 'the vault statistics count documents and groups with the other tables'() {
        given:
        User dan = user('doc-stats')
        newDocument(dan)
        newDocument(dan)
        newGroup(dan)

        expect:
        with(get('/api/v1/vault/stats', dan.token).json.files['vault.db'].rowCounts) {
            document == 2
            document_group == 1
            document_group_member == 0
        }
    }

    def 'the list is newest first and pages by cursor'() {
        given:
        User carol = user('group-lists')
        List<Map> groups = (1..3).collect { newGroup(carol, "g$it") }

        when:
        Reply first = get('/api/v1/document-groups?size=2', carol.token)

        then:
        first.json.items*.id == [groups[2].id, groups[1].id]
        first.json.total == 3
        get("/api/v1/document-groups?size=2&after=${first.json.next}", carol.token).json.items*.id == [groups[0].id]
    }
}
