package dev.researchvault.application.search

import dev.researchvault.domain.Page
import dev.researchvault.domain.PageRequest
import dev.researchvault.domain.agent.AgentFilter
import dev.researchvault.domain.agent.AgentRepository
import dev.researchvault.domain.agent.ExecutionFilter
import dev.researchvault.domain.agent.ExecutionRepository
import dev.researchvault.domain.chat.ChatRepository
import dev.researchvault.domain.document.DocumentFilter
import dev.researchvault.domain.document.DocumentRepository
import dev.researchvault.domain.research.ResearchFilter
import dev.researchvault.domain.research.ResearchRepository
import dev.researchvault.domain.search.SearchCursor
import dev.researchvault.domain.search.SearchHit
import dev.researchvault.domain.search.SearchIndex
import dev.researchvault.domain.search.SearchKind
import dev.researchvault.domain.search.SearchQuery
import dev.researchvault.domain.search.SearchResults
import dev.researchvault.domain.search.Snippet
import dev.researchvault.domain.writing.WritingRepository

import java.text.Normalizer
import java.time.Instant
import java.util.regex.Matcher
import java.util.regex.Pattern

/**
 * A {@link SearchIndex} for tests: it keeps no index of its own but reads every item through the repositories'
 * ports at each search, so it follows every write by construction, and matches as the SQLite adapter's tokenizer
 * does (words of letters and digits, case and diacritics folded). Scores are a simple stand-in for bm25: a term
 * in a title weighs three times one in a body, and a term weighs more in a shorter text. Counts every match.
 * Its index order (newest first, cursors) is the order it first saw the items in.
 */
class InMemorySearchIndex implements SearchIndex {

    private static final Pattern WORD = Pattern.compile('[\\p{L}\\p{N}\\p{M}]+')
    private static final int SNIPPET_WORDS = 16

    private final ResearchRepository research
    private final ChatRepository chats
    private final AgentRepository agents
    private final ExecutionRepository executions
    private final DocumentRepository documents
    private final WritingRepository writing
    /** Index order, as FTS rowids: an item keeps the number it got when first seen. */
    private final Map<UUID, Long> sequences = new LinkedHashMap<>()

    InMemorySearchIndex(ResearchRepository research, ChatRepository chats, AgentRepository agents,
                        ExecutionRepository executions, DocumentRepository documents, WritingRepository writing) {
        this.research = research
        this.chats = chats
        this.agents = agents
        this.executions = executions
        this.documents = documents
        this.writing = writing
    }

    @Override
    SearchResults search(SearchQuery query, Set<SearchKind> kinds, PageRequest page, SearchCursor after) {
        List<Map> matches = items(kinds).findResults { Map item -> scored(item, query) }
        boolean newest = after == null ? matches.size() > RANKED : after.newest()
        // Newest first is not ranked: its hits score 0, as in the SQLite adapter.
        List<Map> ordered = newest
                ? matches.sort(false) { a, b -> b.seq <=> a.seq }.collect { it + [score: 0d] }
                        .findAll { after == null || it.seq < after.position() }
                : matches.sort(false) { a, b -> b.score <=> a.score ?: a.seq <=> b.seq }
        long offset = after == null ? page.offset() : newest ? 0 : after.position()
        List<Map> rows = ordered.drop((int) offset).take(page.size() + 1)
        List<Map> kept = rows.take(page.size())
        SearchCursor next = rows.size() <= page.size() ? null
                : new SearchCursor(newest, newest ? kept.last().seq as long : offset + page.size())
        List<SearchHit> hits = kept.collect { Map item ->
            new SearchHit(item.kind as SearchKind, item.id as UUID, item.parentId as UUID, item.shown as String,
                    item.snippet as Snippet, item.score as double, item.updatedAt as Instant)
        }
        new SearchResults(Page.of(hits, page, matches.size()), true, next)
    }

    /**
     * Every indexed item of {@code kinds}: kind, id, parentId, title and body (what is matched), shown (the title a hit
     * answers), updatedAt, seq (its place in the index: the order this fake first saw the items in).
     */
    private List<Map> items(Set<SearchKind> kinds) {
        List<Map> items = []
        def add = { SearchKind kind, UUID id, UUID parentId, String title, String body, Instant updatedAt,
                    String shown = title ->
            if (kind in kinds) {
                items << [kind: kind, id: id, parentId: parentId, title: title ?: '', body: body ?: '',
                          updatedAt: updatedAt, shown: shown, seq: sequences.computeIfAbsent(id) { sequences.size() + 1L }]
            }
        }
        all { research.list(ResearchFilter.all(), it) }.each { r ->
            String report = research.report(r.id()).map { it.content() }.orElse(null)
            add(SearchKind.RESEARCH, r.id(), null, r.title() ?: r.query(), r.query() + (report ? '\n' + report : ''),
                    r.createdAt())
        }
        all { chats.list(it) }.each { summary ->
            def chat = summary.chat()
            add(SearchKind.CHAT, chat.id(), null, chat.title(), '', chat.updatedAt())
            all { chats.messages(chat.id(), it) }.each { m ->
                // A message is found by its content alone; it is shown with its chat's title.
                add(SearchKind.MESSAGE, m.id(), chat.id(), '', m.content(), m.editedAt() ?: m.createdAt(), chat.title())
            }
        }
        all { agents.list(AgentFilter.all(), it) }.each { a ->
            add(SearchKind.AGENT, a.id(), null, a.name(), a.description(), a.updatedAt())
        }
        all { executions.list(ExecutionFilter.all(), it) }.each { x ->
            add(SearchKind.EXECUTION, x.id(), x.agentId(), x.agentName(), [x.input(), x.output()].findAll().join('\n'),
                    x.completedAt() ?: x.startedAt() ?: x.createdAt())
        }
        all { documents.list(DocumentFilter.all(), it) }.each { d ->
            add(SearchKind.DOCUMENT, d.id(), null, d.title(), documents.text(d.id()).orElse(''), d.updatedAt())
        }
        all { writing.listSessions(it) }.each { s ->
            all { writing.listDrafts(s.id(), it) }.each { d ->
                add(SearchKind.DRAFT, d.id(), s.id(), d.title(), d.content(), d.updatedAt())
            }
        }
        items
    }

    private static <T> List<T> all(Closure<Page<T>> pageOf) {
        List<T> all = []
        for (int number = 0; ; number++) {
            Page<T> page = pageOf(new PageRequest(number, PageRequest.MAX_SIZE))
            all.addAll(page.items())
            if (page.items().size() < PageRequest.MAX_SIZE) {
                return all
            }
        }
    }

    /** The item with its score and snippet when it holds every term, else null. */
    private static Map scored(Map item, SearchQuery query) {
        List<Map> title = words(item.title as String)
        List<Map> body = words(item.body as String)
        double score = 0
        Set<Integer> bodyHits = [] as Set
        Set<Integer> titleHits = [] as Set
        for (SearchQuery.Term term : query.terms()) {
            List<String> wanted = words(term.text())*.folded
            List<Integer> inTitle = occurrences(title, wanted, term.prefix())
            List<Integer> inBody = occurrences(body, wanted, term.prefix())
            if (inTitle.isEmpty() && inBody.isEmpty()) {
                return null
            }
            inTitle.each { at -> (at..<at + wanted.size()).each { titleHits << it } }
            inBody.each { at -> (at..<at + wanted.size()).each { bodyHits << it } }
            score += 3 * inTitle.size() / (1 + title.size()) + inBody.size() / (1 + body.size())
        }
        boolean fromBody = !bodyHits.isEmpty()
        item + [score: score, snippet: snippet(fromBody ? item.body as String : item.title as String,
                fromBody ? body : title, fromBody ? bodyHits : titleHits)]
    }

    /** Where the words of a term start among {@code words}, side by side; the last may be a prefix. */
    private static List<Integer> occurrences(List<Map> words, List<String> wanted, boolean prefix) {
        if (wanted.isEmpty() || words.size() < wanted.size()) {
            return []
        }
        (0..words.size() - wanted.size()).findAll { int at ->
            (0..<wanted.size()).every { int i ->
                String word = words[at + i].folded
                prefix && i == wanted.size() - 1 ? word.startsWith(wanted[i]) : word == wanted[i]
            }
        }
    }

    /** The words of a text with their place in it and their folded form. */
    private static List<Map> words(String text) {
        List<Map> words = []
        Matcher matcher = WORD.matcher(text ?: '')
        while (matcher.find()) {
            words << [start: matcher.start(), end: matcher.end(), folded: fold(matcher.group())]
        }
        words
    }

    private static String fold(String word) {
        Normalizer.normalize(word, Normalizer.Form.NFD).replaceAll('\\p{M}', '').toLowerCase(Locale.ROOT)
    }

    /** Up to {@link #SNIPPET_WORDS} words from the first hit on, matched words as odd parts. */
    private static Snippet snippet(String text, List<Map> words, Set<Integer> hits) {
        int first = hits.min()
        int last = Math.min(words.size(), first + SNIPPET_WORDS) - 1
        List<String> parts = []
        int from = words[first].start as int
        (first..last).each { int i ->
            if (i in hits) {
                parts << text.substring(from, words[i].start as int) << text.substring(words[i].start as int, words[i].end as int)
                from = words[i].end as int
            }
        }
        parts << text.substring(from, words[last].end as int)
        new Snippet(parts)
    }
}
