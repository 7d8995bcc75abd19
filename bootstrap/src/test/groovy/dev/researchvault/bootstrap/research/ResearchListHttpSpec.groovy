package dev.researchvault.bootstrap.research

import dev.researchvault.bootstrap.support.VaultHttpSpec
import spock.lang.Shared

/** {@code GET /api/v1/research}: newest first, filters, paging edges, and users never mixing. */
class ResearchListHttpSpec extends VaultHttpSpec {

    @Shared
    String token

    @Shared
    List<String> ids = []

    def setupSpec() {
        token = newUser('lister')
        ['alpha 100% sure', 'beta snake_case', 'gamma', 'Delta ALPHA', 'epsilon'].each {
            ids << post('/api/v1/research', [query: it, mode: 'quick'], token).json.id
        }
        patch("/api/v1/research/${ids[2]}", [status: 'in_progress', title: 'the gamma ray'], token)
    }

    def 'the list is newest first with the page shape of API.md'() {
        when:
        Reply reply = get('/api/v1/research', token)

        then:
        reply.status == 200
        reply.json.items*.id == ids.reverse()
        reply.json.page == 0
        reply.json.size == 20
        reply.json.total == 5
    }

    def 'page #page of size 2 holds #count items'() {
        given:
        List<String> expectedIds = expected.collect { ids[it] }

        expect:
        with(get("/api/v1/research?page=$page&size=2", token).json) {
            items*.id == expectedIds
            total == 5
        }

        where:
        page || expected
        0    || [4, 3]
        2    || [0]
        3    || []
        99   || []
        count = expected.size()
    }

    def 'the largest page size is accepted'() {
        expect:
        get('/api/v1/research?size=200', token).json.items.size() == 5
    }

    def 'paging with #query is a bad request'() {
        expect:
        with(get("/api/v1/research?$query", token)) {
            status == 400
            problem
        }

        where:
        query << ['size=201', 'size=0', 'page=-1', 'size=many', 'status=finished']
    }

    def 'filters by #query'() {
        expect:
        get("/api/v1/research?$query", token).json.items*.id == expected.collect { ids[it] }

        where:
        query                          || expected
        'status=in_progress'           || [2]
        'status=pending&q=alpha'       || [3, 0]
        'q=ALPHA'                      || [3, 0]
        'q=ray'                        || [2]
        'q=100%25'                     || [0]
        'q=e_c'                        || [1]
        'q=%25'                        || [0]
        'status=completed'             || []
    }

    def 'two users logged in at once never see each other’s research'() {
        given:
        String ann = newUser('ann')
        String bob = newUser('bob')
        String annResearch = post('/api/v1/research', [query: 'ann only', mode: 'quick'], ann).json.id
        String bobResearch = post('/api/v1/research', [query: 'bob only', mode: 'quick'], bob).json.id

        expect:
        get('/api/v1/research', ann).json.items*.id == [annResearch]
        get('/api/v1/research', bob).json.items*.id == [bobResearch]
        get("/api/v1/research/$annResearch", bob).status == 404
        delete("/api/v1/research/$annResearch", bob).status == 404
        get("/api/v1/research/$annResearch", ann).status == 200
    }
}
