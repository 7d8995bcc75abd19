package dev.researchvault.application.search

import dev.researchvault.application.vault.InMemoryVaultScope
import dev.researchvault.domain.PageRequest
import dev.researchvault.domain.agent.Agent
import dev.researchvault.domain.agent.AgentExecution
import dev.researchvault.domain.agent.AgentRepository
import dev.researchvault.domain.agent.ExecutionRepository
import dev.researchvault.domain.chat.Chat
import dev.researchvault.domain.chat.ChatRepository
import dev.researchvault.domain.chat.Message
import dev.researchvault.domain.chat.MessageRole
import dev.researchvault.domain.blob.BlobDigest
import dev.researchvault.domain.blob.BlobInfo
import dev.researchvault.domain.document.Document
import dev.researchvault.domain.document.DocumentRepository
import dev.researchvault.domain.writing.Draft
import dev.researchvault.domain.writing.WritingRepository
import dev.researchvault.domain.writing.WritingSession
import dev.researchvault.domain.research.Research
import dev.researchvault.domain.research.ResearchReport
import dev.researchvault.domain.research.ResearchRepository
import dev.researchvault.domain.search.SearchHit
import dev.researchvault.domain.search.SearchIndex
import dev.researchvault.domain.search.SearchKind
import dev.researchvault.domain.search.SearchQuery
import dev.researchvault.domain.search.SearchResults
import dev.researchvault.domain.vault.NoVaultBoundException
import spock.lang.Specification

import java.time.Instant

/**
 * What every {@link SearchIndex} must do: follow every write of the items it covers through their own repositories,
 * match words, phrases and prefixes case- and diacritics-insensitively, never read a query's text as syntax, rank best
 * first and list a broad query newest first. A concrete subclass per adapter provides the index, the repositories it
 * follows ({@link #port}) and, when needed, a bound vault ({@link #inVault}).
 */
abstract class SearchIndexContractSpec extends Specification {

    static final Instant T0 = Instant.parse('2026-11-26T10:00:00Z')

    /** A fresh, empty vault for each feature; answers its index. */
    abstract SearchIndex freshIndex()

    /** The repository of {@code type} of the vault {@link #freshIndex} made. */
    abstract <T> T port(Class<T> type)

    def <T> T inVault(Closure<T> work) {
        InMemoryVaultScope.bind(InMemoryVaultScope.SOMEONE, work)
    }

    SearchIndex index

    def setup() {
        index = freshIndex()
    }

    SearchResults search(String q, Set<SearchKind> kinds, PageRequest page) {
        inVault { index.search(SearchQuery.parse(q), kinds, page) }
    }

    List<SearchHit> find(String q, Set<SearchKind> kinds = EnumSet.allOf(SearchKind)) {
        inVault { index.search(SearchQuery.parse(q), kinds, PageRequest.first()).hits().items() }
    }

    Research research(String query) {
        Research research = Research.create(UUID.randomUUID(), query, 'quick', T0)
        inVault { port(ResearchRepository).add(research) }
        research
    }

    Chat chat(String title) {
        Chat chat = Chat.create(UUID.randomUUID(), title, T0)
        inVault { port(ChatRepository).add(chat) }
        chat
    }

    Message message(Chat chat, String content, Instant at = T0) {
        Message message = new Message(UUID.randomUUID(), chat.id(), MessageRole.USER, content, [], at)
        inVault { port(ChatRepository).addMessage(message) }
        message
    }

    /** {@code count} messages "{@code text} n" in one write, the n-th at T0 plus n ms. */
    List<Message> manyMessages(Chat chat, long count, String text) {
        inVault {
            (1..count).collect {
                Message m = new Message(UUID.randomUUID(), chat.id(), MessageRole.USER, "$text $it", [], T0.plusMillis(it))
                port(ChatRepository).addMessage(m)
                m
            }
        }
    }

    Agent agent(String name, String description) {
        Agent agent = Agent.create(UUID.randomUUID(), name, description, 'gpt-4o', null, true, [:], T0)
        inVault { port(AgentRepository).add(agent) }
        agent
    }

    def 'each kind is found by its own text, with its id, parent, title and a snippet that marks the match'() {
        given:
        Research r = research('photon entanglement experiments')
        Chat c = chat('Reading group')
        Message m = message(c, 'I uploaded the Smith paper on photons')
        Agent a = agent('Summariser', 'condenses long papers')
        AgentExecution x = AgentExecution.create(UUID.randomUUID(), a, c.id(), 'summarise the Smith paper', T0)
        inVault { port(ExecutionRepository).add(x) }

        expect:
        with(find('entanglement').first()) {
            kind() == SearchKind.RESEARCH && id() == r.id() && parentId() == null
            title() == 'photon entanglement experiments'
            snippet().parts().contains('entanglement')
            snippet().parts().indexOf('entanglement') % 2 == 1
            score() > 0
            updatedAt() == T0
        }
        with(find('uploaded').first()) {
            kind() == SearchKind.MESSAGE && id() == m.id() && parentId() == c.id() && title() == 'Reading group'
        }
        find('reading').collect { it.kind() } == [SearchKind.CHAT]
        find('condenses').collect { [it.kind(), it.id()] } == [[SearchKind.AGENT, a.id()]]
        find('smith').collect { it.kind() } as Set == [SearchKind.MESSAGE, SearchKind.EXECUTION] as Set
        find('smith', EnumSet.of(SearchKind.EXECUTION)).collect { [it.id(), it.parentId(), it.title()] } ==
                [[x.id(), a.id(), 'Summariser']]
    }

    def 'matching ignores case and diacritics, takes prefixes and phrases, and needs every term'() {
        given:
        Chat c = chat('notes')
        Message resume = message(c, 'Mon Résumé pour la Conférence')
        Message deep = message(c, 'deep learning beats shallow learning')
        Message shallow = message(c, 'learning is deep')

        expect:
        find('resume')*.id() == [resume.id()]
        find('CONFERENCE')*.id() == [resume.id()]
        find('conf*')*.id() == [resume.id()]
        find('"deep learning"')*.id() == [deep.id()]
        find('deep learning')*.id() as Set == [deep.id(), shallow.id()] as Set
        find('deep résumé').isEmpty()
    }

    def 'a query is never FTS5 syntax: #q finds what its words find, and fails nothing'() {
        given:
        Chat c = chat('syntax')
        Message hit = message(c, 'near and or not photon')

        when:
        def found = find(q)

        then:
        found*.id() == (expected ? [hit.id()] : [])

        where:
        q                      | expected
        '"photon near'        | true
        'photon AND'           | true
        'NEAR(photon'          | true
        'photon OR nothing'    | false
        'NOT photon'           | true
        'photon) ('            | true
        '*photon'              | true
        '"photon" "'           | true
        'photon:near'          | true
        '^photon'              | true
        'title:photon'         | false
        'photon -near'         | true
    }

    def 'the index follows renames, reports, edits and deletions, cascades included'() {
        given:
        Research r = research('quantum dots')
        Chat c = chat('old title')
        Message m = message(c, 'first draft')

        when:
        inVault {
            port(ResearchRepository).update(r.withTitle('Nanocrystals'))
            port(ResearchRepository).putReport(ResearchReport.draft(r.id(), 'the report mentions perovskite', 'markdown', T0))
            port(ChatRepository).update(c.renamed('new title', T0))
            port(ChatRepository).updateMessage(m.edited('second version', T0.plusSeconds(5)))
        }

        then:
        find('nanocrystals')*.id() == [r.id()]
        find('perovskite')*.id() == [r.id()]
        find('quantum')*.id() == [r.id()]
        find('old').isEmpty()
        find('new title')*.kind() == [SearchKind.CHAT]
        find('second').first().title() == 'new title'
        find('second').first().updatedAt() == T0.plusSeconds(5)
        find('draft').isEmpty()

        when: 'a report put again replaces its text'
        inVault { port(ResearchRepository).putReport(ResearchReport.draft(r.id(), 'now about graphene', 'markdown', T0)) }

        then:
        find('perovskite').isEmpty()
        find('graphene')*.id() == [r.id()]

        when: 'the chat goes, and its messages with it'
        inVault {
            port(ChatRepository).delete(c.id())
            port(ResearchRepository).delete(r.id())
        }

        then:
        find('second').isEmpty()
        find('title').isEmpty()
        find('graphene').isEmpty()
    }

    def 'documents are found by title and extracted text, drafts by their latest version only'() {
        given:
        Document doc = Document.create(UUID.randomUUID(), new Document.NewDocument('Bell inequalities', null, null, null, 'bell.pdf'),
                new BlobInfo('application/pdf', 3, BlobDigest.of('pdf'.bytes)), T0)
        WritingSession session = WritingSession.create(UUID.randomUUID(), 'essay', null, T0)
        Draft draft = Draft.create(UUID.randomUUID(), session.id(), 'Intro', 'first wording about decoherence', T0)
        inVault {
            port(DocumentRepository).add(doc)
            port(WritingRepository).addSession(session)
            port(WritingRepository).addDraft(draft)
        }

        expect:
        find('bell')*.id() == [doc.id()]
        find('decoherence').collect { [it.kind(), it.id(), it.parentId(), it.title()] } ==
                [[SearchKind.DRAFT, draft.id(), session.id(), 'Intro']]

        when:
        inVault {
            port(DocumentRepository).putText(doc.id(), 'the extracted text mentions loopholes')
            port(WritingRepository).addVersion(draft.revise('second wording about entropy', 'Opening', 1, T0.plusSeconds(9)))
        }

        then:
        find('loopholes')*.id() == [doc.id()]
        find('decoherence').isEmpty()
        with(find('entropy').first()) { title() == 'Opening' && updatedAt() == T0.plusSeconds(9) }
        find('loopholes', EnumSet.of(SearchKind.DRAFT)).isEmpty()

        when:
        inVault {
            port(DocumentRepository).putText(doc.id(), null)
            port(WritingRepository).deleteDraft(draft.id())
        }

        then:
        find('loopholes').isEmpty()
        find('bell')*.id() == [doc.id()]
        find('entropy').isEmpty()

        when:
        inVault { port(DocumentRepository).delete(doc.id()) }

        then:
        find('bell').isEmpty()
    }

    def 'pages by number with the total; titles weigh more than bodies'() {
        given:
        Chat c = chat('graphene')
        (1..25).each { message(c, "graphene note $it") }

        when:
        def first = inVault { index.search(SearchQuery.parse('graphene'), EnumSet.allOf(SearchKind), new PageRequest(0, 10)).hits() }
        def last = inVault { index.search(SearchQuery.parse('graphene'), EnumSet.allOf(SearchKind), new PageRequest(2, 10)).hits() }

        then:
        first.total() == 26
        first.items().size() == 10
        first.items()[0].kind() == SearchKind.CHAT
        last.items().size() == 6
        (first.items()*.id() + last.items()*.id()).toSet().size() == 16
    }

    def 'a query that matches more than 2,000 items lists its newest first; a total not counted exactly is more than 2,000'() {
        given:
        Chat c = chat('many')
        List<Message> messages = manyMessages(c, SearchIndex.RANKED + 1, 'common word')
        Message rare = message(c, 'common and rare', T0.plusSeconds(10))

        when:
        def words = search('common', EnumSet.allOf(SearchKind), new PageRequest(0, 3))
        def phrase = search('"common word"', EnumSet.of(SearchKind.MESSAGE), new PageRequest(0, 3))

        then: 'newest first, not ranked: every score 0'
        words.hits().items()*.id() == [rare.id(), messages[-1].id(), messages[-2].id()]
        words.hits().items().every { it.score() == 0d }
        phrase.hits().items()*.id() == [messages[-1].id(), messages[-2].id(), messages[-3].id()]

        and: 'exact totals are exact; a lower bound is past the ranking limit'
        !words.totalExact() || words.hits().total() == SearchIndex.RANKED + 2
        words.hits().total() > SearchIndex.RANKED
        !phrase.totalExact() || phrase.hits().total() == SearchIndex.RANKED + 1
        phrase.hits().total() > SearchIndex.RANKED

        and: 'a narrower query is ranked: the short message, where the word weighs more, first'
        find('rare')*.id() == [rare.id()]
        search('rare', EnumSet.allOf(SearchKind), PageRequest.first()).totalExact()
        find('rare').every { it.score() > 0 }
    }

    def 'a kind filter answers the same whether the kind is rare or common'() {
        given:
        Chat c = chat('notes')
        manyMessages(c, SearchIndex.RANKED + 1, 'lattice')
        Agent a = agent('Lattice agent', 'studies lattice models')
        agent('Other', 'nothing to see')

        expect: 'agents are few, messages many; both filters find exactly their own'
        find('lattice', EnumSet.of(SearchKind.AGENT))*.id() == [a.id()]
        search('lattice', EnumSet.of(SearchKind.MESSAGE), new PageRequest(0, 5)).hits().items().every { it.kind() == SearchKind.MESSAGE }
        search('lattice', EnumSet.of(SearchKind.MESSAGE), new PageRequest(0, 5)).hits().total() > SearchIndex.RANKED
        find('lattice', EnumSet.of(SearchKind.AGENT, SearchKind.DRAFT))*.id() == [a.id()]
        find('nothing', EnumSet.of(SearchKind.AGENT))*.kind() == [SearchKind.AGENT]
    }

    def 'a newest-first answer continues by cursor with no gap and no repeat, though the vault changes between pages'() {
        given:
        Chat c = chat('many')
        List<Message> messages = manyMessages(c, SearchIndex.RANKED + 30, 'common word')
        Set<SearchKind> all = EnumSet.allOf(SearchKind)

        when: 'pages of 200 by cursor; after the first, a newer match arrives and an older one is edited'
        SearchResults results = search('common', all, new PageRequest(0, 200))
        List<UUID> seen = results.hits().items()*.id()
        message(c, 'common and late', T0.plusSeconds(100))
        inVault { port(ChatRepository).updateMessage(messages[5].edited('common word, edited', T0.plusSeconds(101))) }
        while (results.next() != null) {
            assert results.next().newest()
            results = inVault { index.search(SearchQuery.parse('common'), all, new PageRequest(0, 200), results.next()) }
            seen += results.hits().items()*.id()
        }

        then: 'every message that matched at the start, once each, newest first; the late one belongs before page 1'
        seen == messages.reverse()*.id()
    }

    def 'a ranked answer continues by cursor where its page numbers would'() {
        given:
        Chat c = chat('graphene')
        (1..25).each { message(c, "graphene note $it" + ' filler' * it) }
        Set<SearchKind> all = EnumSet.allOf(SearchKind)

        when:
        List<UUID> byNumber = (0..2).collectMany { search('graphene', all, new PageRequest(it, 10)).hits().items()*.id() }
        SearchResults results = search('graphene', all, new PageRequest(0, 10))
        List<UUID> byCursor = results.hits().items()*.id()
        int pages = 1
        while (results.next() != null) {
            assert !results.next().newest()
            results = inVault { index.search(SearchQuery.parse('graphene'), all, new PageRequest(0, 10), results.next()) }
            byCursor += results.hits().items()*.id()
            pages++
        }

        then:
        pages == 3
        byCursor == byNumber
        byCursor.toSet().size() == 26
    }

    def 'with no vault bound, search refuses'() {
        when:
        index.search(SearchQuery.parse('x'), EnumSet.allOf(SearchKind), PageRequest.first())

        then:
        thrown(NoVaultBoundException)
    }
}
