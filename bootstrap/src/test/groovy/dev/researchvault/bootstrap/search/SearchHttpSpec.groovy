package dev.researchvault.bootstrap.search

import dev.researchvault.bootstrap.support.VaultHttpSpec
import dev.researchvault.domain.PageCursor
import spock.lang.Shared

import java.time.Instant

/** {@code GET /api/v1/search} against a real server: what a user finds of their own vault, and only of theirs. */
class SearchHttpSpec extends VaultHttpSpec {

    @Shared
    String alice

    @Shared
    String bob

    @Shared
    Map research

    @Shared
    Map chat

    @Shared
    Map message

    def setupSpec() {
        alice = newUser('alice')
        bob = newUser('bob')
        research = post('/api/v1/research', [query: 'photon entanglement', mode: 'quick'], alice).json as Map
        put("/api/v1/research/${research.id}/report", [content: 'Bell tests & <b>loopholes</b>', format: 'markdown'], alice)
        chat = post('/api/v1/chats', [title: 'Reading group'], alice).json as Map
        message = post("/api/v1/chats/${chat.id}/messages", [role: 'user', content: 'I uploaded the Smith paper <script>x</script> on loopholes'], alice).json as Map
        post('/api/v1/research', [query: 'bob photon secrets', mode: 'quick'], bob)
    }

    def 'hits are best first, complete in shape, with HTML snippets that mark the match and escape the rest'() {
        given: 'the ids as locals: inside with(), a name is first looked up in the item'
        String messageId = message.id
        String chatId = chat.id
        String createdAt = message.createdAt
        String researchId = research.id

        when:
        def reply = get('/api/v1/search?q=loopholes', alice)

        then:
        reply.status == 200
        reply.json.total == 2
        reply.json.totalExact == true
        reply.json.page == 0 && reply.json.size == 20
        reply.json.items*.kind as Set == ['research', 'message'] as Set
        with(reply.json.items.find { it.kind == 'message' }) {
            id == messageId
            parentId == chatId
            title == 'Reading group'
            snippet.contains('<mark>loopholes</mark>')
            snippet.contains('&lt;script&gt;x&lt;/script&gt;')
            !snippet.contains('<script>')
            score > 0
            updatedAt == createdAt
        }
        with(reply.json.items.find { it.kind == 'research' }) {
            id == researchId
            it.containsKey('parentId') && parentId == null
            title == 'photon entanglement'
            snippet.contains('&amp;') && snippet.contains('&lt;b&gt;')
        }
    }

    def "another user's vault is never searched"() {
        expect:
        get('/api/v1/search?q=secrets', alice).json.total == 0
        get('/api/v1/search?q=photon', alice).json.items*.id == [research.id]
        get('/api/v1/search?q=photon', bob).json.items*.kind == ['research']
        get('/api/v1/search?q=photon', bob).json.items*.id != [research.id]
    }

    def 'kinds narrow the search; phrases, prefixes and diacritics work through HTTP'() {
        expect:
        get('/api/v1/search?q=loopholes&kinds=message', alice).json.items*.id == [message.id]
        get('/api/v1/search?q=' + enc('"smith paper"'), alice).json.items*.id == [message.id]
        get('/api/v1/search?q=' + enc('"paper smith"'), alice).json.total == 0
        get('/api/v1/search?q=upload*', alice).json.items*.id == [message.id]
        get('/api/v1/search?q=' + enc('ÉNTANGLEMENT'), alice).json.items*.id == [research.id]
    }

    def 'hostile queries are 400 or literal, never a 500: #q'() {
        when:
        def reply = get('/api/v1/search?q=' + enc(q), alice)

        then:
        reply.status in [200, 400]
        reply.status == 200 || reply.json.code == 'search.invalid-query'

        where:
        q << ['"', '*', 'NEAR', 'AND', '(((', 'photon)', '"photon', 'a OR', 'NEAR(a b, 2)', '{title}: x', '^x', '-x',
              '\u0000', 'x' * 500, '"' * 100]
    }

    def 'bad parameters are 400 problem+json: #why'() {
        when:
        def reply = get("/api/v1/search?$query", alice)

        then:
        reply.status == 400
        reply.header('Content-Type').startsWith('application/problem+json')
        reply.json.code == code

        where:
        why                  | query                        || code
        'no q'               | ''                           || 'search.invalid-query'
        'blank q'            | 'q=%20'                      || 'search.invalid-query'
        'q too long'         | 'q=' + 'a' * 501             || 'search.invalid-query'
        'unknown kind'       | 'q=x&kinds=research,secrets' || 'search.invalid-kind'
        'size out of range'  | 'q=x&size=0'                 || 'page.invalid-size'
        'negative page'      | 'q=x&page=-1'                || 'page.invalid-page'
        'page not a number'  | 'q=x&page=one'               || 'request.invalid-parameter'
        'page and after'     | 'q=x&page=1&after=abc'       || 'page.page-with-cursor'
        'after no cursor'    | 'q=x&after=abc'              || 'page.invalid-cursor'
        'a list cursor'      | 'q=x&after=' + LIST_CURSOR   || 'page.invalid-cursor'
    }

    /** A real cursor, of the research list. */
    static final String LIST_CURSOR = new PageCursor(PageCursor.Listing.RESEARCH, Instant.EPOCH, 1).token()

    def 'an answer continues with next, page by page, until none follows'() {
        given:
        String bob = newUser('bob-cursor')
        String chatId = post('/api/v1/chats', [title: 'walk'], bob).json.id
        List<String> ids = (1..5).collect {
            post("/api/v1/chats/${chatId}/messages", [role: 'user', content: "tardigrade note $it"], bob).json.id
        }

        when:
        def first = get('/api/v1/search?q=tardigrade&size=2', bob).json
        List<String> seen = first.items*.id
        def reply = first
        List<Object> pages = []
        while (reply.next != null) {
            reply = get("/api/v1/search?q=tardigrade&size=2&after=${reply.next}", bob).json
            pages << reply.page
            seen += reply.items*.id
        }

        then:
        first.page == 0 && first.next instanceof String
        pages == [null, null]
        seen.toSet() == ids.toSet()
        seen.size() == 5
    }

    static String enc(String text) {
        URLEncoder.encode(text, 'UTF-8')
    }

    def 'a backup carries the index: after a restore, search answers what the backup held; vacuum keeps it whole'() {
        given: 'a user whose backup holds one research'
        String name = uniqueName('restorer')
        assert register(name).status == 201
        String token = login(name)
        awaitLoginBackup(token)
        Map kept = post('/api/v1/research', [query: 'superconducting qubits', mode: 'quick'], token).json as Map
        def backup = post('/api/v1/backups', null, token)
        assert backup.status == 201

        when: 'it is deleted and another added, then the backup restored'
        delete("/api/v1/research/${kept.id}", token)
        post('/api/v1/research', [query: 'trapped ions', mode: 'quick'], token)
        assert get('/api/v1/search?q=qubits', token).json.total == 0
        assert post("/api/v1/backups/${backup.json.name}/restore", [password: 'correct horse battery'], token).status == 200
        String again = login(name)

        then:
        get('/api/v1/search?q=qubits', again).json.items*.id == [kept.id]
        get('/api/v1/search?q=ions', again).json.total == 0

        when:
        def vacuum = post('/api/v1/vault/vacuum', null, again)

        then:
        vacuum.status == 200
        get('/api/v1/search?q=qubits', again).json.items*.id == [kept.id]
    }
}
