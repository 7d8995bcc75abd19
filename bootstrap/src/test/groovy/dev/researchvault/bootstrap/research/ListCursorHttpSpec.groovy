package dev.researchvault.bootstrap.research

import dev.researchvault.bootstrap.support.VaultHttpSpec
import spock.lang.Shared

/**
 * Cursor paging of {@code GET /api/v1/research} and {@code GET /api/v1/chats}: following {@code next}
 * visits a list once, page numbers keep working and offer {@code next} too, and a cursor that is malformed,
 * edited, of the other list or combined with {@code page} is a 400 problem.
 */
class ListCursorHttpSpec extends VaultHttpSpec {

    static final Map<String, String> LISTS = [research: '/api/v1/research', chats: '/api/v1/chats']

    @Shared
    String token

    /** Ids of the 45 research and the 45 chats, newest first as the lists show them. */
    @Shared
    Map<String, List<String>> newestFirst = [:]

    def setupSpec() {
        token = newUser('scroller')
        newestFirst.research = (0..44).collect {
            post('/api/v1/research', [query: "topic ${it % 2 ? 'odd' : 'even'} $it", mode: 'quick'], token).json.id
        }.reverse()
        newestFirst.chats = (0..44).collect { post('/api/v1/chats', [title: "chat $it"], token).json.id }.reverse()
    }

    /** The answers met following {@code next} from {@code path} (which has its query string started). */
    List<Object> walk(String path, String who = token) {
        List<Object> answers = [get(path, who).json]
        while (answers.last().next != null) {
            assert answers.size() < 100: 'the walk does not end'
            answers << get("$path&after=${answers.last().next}", who).json
        }
        answers
    }

    def 'following next through the #list list with size 20 visits all 45 items once, in list order'() {
        when:
        List<Object> answers = walk("${LISTS[list]}?size=20")

        then:
        answers.collectMany { it.items*.id } == newestFirst[list]
        answers*.items*.size() == [20, 20, 5]
        answers*.page == [0, null, null]
        answers*.size == [20, 20, 20]
        answers*.total == [45, 45, 45]
        answers.last().next == null

        where:
        list << ['research', 'chats']
    }

    def 'a page by number offers next, which goes on with the items of the following page in the #list list'() {
        when:
        def second = get("${LISTS[list]}?page=1&size=20", token).json
        def rest = get("${LISTS[list]}?size=20&after=${second.next}", token).json

        then:
        second.page == 1
        rest.items*.id == newestFirst[list][40..44]
        rest.next == null
        get("${LISTS[list]}?page=2&size=20", token).json.next == null

        where:
        list << ['research', 'chats']
    }

    def 'a walk with #query visits exactly the matching research with their total'() {
        given:
        List<String> matching = get("/api/v1/research?size=200&$query", token).json.items*.id

        when:
        List<Object> answers = walk("/api/v1/research?size=7&$query")

        then:
        matching.size() == count
        answers.collectMany { it.items*.id } == matching
        answers*.total.every { it == count }

        where:
        query                       || count
        'q=odd'                     || 22
        'status=pending&q=even'     || 23
        'status=completed'          || 0
    }

    def '#list with both page and after is a bad request'() {
        given:
        String cursor = get("${LISTS[list]}?size=1", token).json.next

        expect:
        with(get("${LISTS[list]}?page=$page&after=$cursor", token)) {
            status == 400
            problem
            json.type.endsWith('page.page-with-cursor')
        }

        where:
        list      | page
        'research' | 0
        'chats'    | 3
    }

    def 'an after of #what is a bad request with a stable code, and the answer does not repeat it'() {
        given:
        String after = badCursor(what)

        when:
        Reply reply = get("${LISTS[list]}?after=${URLEncoder.encode(after, 'UTF-8')}", token)

        then:
        reply.status == 400
        reply.problem
        reply.json.type.endsWith('page.invalid-cursor')
        after.isEmpty() || !reply.text.contains(after)

        where:
        list       | what
        'research' | 'no cursor at all'
        'chats'    | 'text with spaces'
        'research' | 'an edited cursor'
        'chats'    | 'a cursor cut short'
        'chats'    | 'a cursor of the research list'
        'research' | 'a cursor of the chat list'
        'research' | 'a very long text'
        'chats'    | 'nothing'
    }

    String badCursor(String what) {
        switch (what) {
            case 'no cursor at all': return 'definitely-not-a-cursor'
            case 'text with spaces': return 'a b c'
            case 'an edited cursor': return edited(get('/api/v1/research?size=1', token).json.next)
            case 'a cursor cut short': return get('/api/v1/chats?size=1', token).json.next.dropRight(2)
            case 'a cursor of the research list': return get('/api/v1/research?size=1', token).json.next
            case 'a cursor of the chat list': return get('/api/v1/chats?size=1', token).json.next
            case 'a very long text': return 'A' * 300
            case 'nothing': return ''
            default: throw new IllegalArgumentException(what)
        }
    }

    def 'another user with the cursor of #list sees only their own items, and none of the owner’s'() {
        given:
        String cursor = get("${LISTS[list]}?size=2", token).json.next
        String other = newUser('other')
        List<String> theirs = (0..2).collect { post(LISTS[list], create, other).json.id }.reverse()

        when:
        def answer = get("${LISTS[list]}?size=20&after=$cursor", other).json

        then: 'their items are all newer than the owner’s cursor, so nothing lies past it for them'
        answer.items.isEmpty()
        answer.total == 3
        answer.next == null

        and: 'their own walk never meets the owner’s items'
        walk("${LISTS[list]}?size=2", other).collectMany { it.items*.id } == theirs

        where:
        list       | create
        'research' | [query: 'mine', mode: 'quick']
        'chats'    | [title: 'mine']
    }

    /** The cursor with one character in its middle changed to another base64url character. */
    static String edited(String cursor) {
        int middle = cursor.length().intdiv(2)
        cursor.substring(0, middle) + (cursor[middle] == 'A' ? 'B' : 'A') + cursor.substring(middle + 1)
    }
}
