package dev.researchvault.application.research

import dev.researchvault.application.vault.OneVault
import dev.researchvault.application.support.NewestFirstSlices
import dev.researchvault.domain.Page
import dev.researchvault.domain.PageCursor
import dev.researchvault.domain.PageRequest
import dev.researchvault.domain.research.Research
import dev.researchvault.domain.research.ResearchFilter
import dev.researchvault.domain.research.ResearchLog
import dev.researchvault.domain.research.ResearchQuery
import dev.researchvault.domain.research.ResearchReport
import dev.researchvault.domain.research.ResearchRepository
import dev.researchvault.domain.research.ResearchResource

/**
 * {@link ResearchRepository} in memory, for service tests and as the reference the contract spec checks
 * the SQLite adapter against. Insertion order stands in for SQLite's rowid in tie-breaks.
 */
class InMemoryResearchRepository implements ResearchRepository {

    /** Every call needs a bound vault, as in the SQLite adapter. */
    private final OneVault vault = new OneVault()

    private final Map<UUID, Research> research = new LinkedHashMap<>()
    /** Order of addition of each research, never reused: SQLite's rowid for the list's ties and cursors. */
    private final Map<UUID, Long> sequences = [:]
    private long lastAdded
    private final NewestFirstSlices<Research> newestFirst =
            new NewestFirstSlices<>(PageCursor.Listing.RESEARCH, { it.createdAt() }, { sequences[it.id()] })
    private final List<ResearchQuery> queryList = []
    private final List<ResearchResource> resourceList = []
    private final Map<UUID, ResearchReport> reports = [:]
    private final List<ResearchLog> logLines = []

    @Override
    synchronized void add(Research added) {
        vault.enter()
        assert !research.containsKey(added.id())
        research.put(added.id(), added)
        sequences[added.id()] = ++lastAdded
    }

    @Override
    synchronized void update(Research changed) {
        vault.enter()
        if (research.containsKey(changed.id())) {
            research.put(changed.id(), changed)
        }
    }

    @Override
    synchronized Optional<Research> find(UUID id) {
        vault.enter()
        Optional.ofNullable(research.get(id))
    }

    @Override
    synchronized Page<Research> list(ResearchFilter filter, PageRequest page) {
        vault.enter()
        newestFirst.slice(research.values().findAll { matches(it, filter) }, page)
    }

    @Override
    synchronized void detachChat(UUID chatId) {
        vault.enter()
        research.values().findAll { it.chatId() == chatId }.each { Research r ->
            research.put(r.id(), new Research(r.id(), r.query(), r.mode(), r.status(), r.title(), r.progress(),
                    r.createdAt(), r.startedAt(), r.completedAt(), r.metadata(), r.usage(), null))
        }
    }

    @Override
    synchronized boolean delete(UUID id) {
        vault.enter()
        boolean existed = research.remove(id) != null
        sequences.remove(id)
        queryList.removeIf { it.researchId() == id }
        resourceList.removeIf { it.researchId() == id }
        reports.remove(id)
        logLines.removeIf { it.researchId() == id }
        existed
    }

    @Override
    synchronized void addQuery(ResearchQuery query) {
        vault.enter()
        queryList << query
    }

    @Override
    synchronized List<ResearchQuery> queries(UUID researchId) {
        vault.enter()
        queryList.findAll { it.researchId() == researchId }
    }

    @Override
    synchronized boolean hasQuery(UUID researchId, UUID queryId) {
        vault.enter()
        queryList.any { it.researchId() == researchId && it.id() == queryId }
    }

    @Override
    synchronized void addResources(List<ResearchResource> resources) {
        vault.enter()
        resourceList.addAll(resources)
    }

    @Override
    synchronized Page<ResearchResource> resources(UUID researchId, PageRequest page) {
        vault.enter()
        slice(resourceList.findAll { it.researchId() == researchId }, page)
    }

    @Override
    synchronized ResearchReport putReport(ResearchReport draft) {
        vault.enter()
        int version = (reports.get(draft.researchId())?.version() ?: 0) + 1
        ResearchReport stored = draft.withVersion(version)
        reports.put(draft.researchId(), stored)
        stored
    }

    @Override
    synchronized Optional<ResearchReport> report(UUID researchId) {
        vault.enter()
        Optional.ofNullable(reports.get(researchId))
    }

    @Override
    synchronized ResearchLog appendLog(ResearchLog line) {
        vault.enter()
        long last = logLines.findAll { it.researchId() == line.researchId() }*.sequence().max() ?: 0L
        ResearchLog stored = line.withSequence(last + 1)
        logLines << stored
        stored
    }

    @Override
    synchronized List<ResearchLog> logs(UUID researchId, long afterSequence, int limit) {
        vault.enter()
        logLines.findAll { it.researchId() == researchId && it.sequence() > afterSequence }.take(limit)
    }

    private static boolean matches(Research candidate, ResearchFilter filter) {
        boolean chatMatches = filter.chatId() == null || candidate.chatId() == filter.chatId()
        boolean statusMatches = filter.status() == null || candidate.status() == filter.status()
        String text = filter.text()?.toLowerCase(Locale.ROOT)
        boolean textMatches = text == null || [candidate.query(), candidate.title()]
                .any { it?.toLowerCase(Locale.ROOT)?.contains(text) }
        chatMatches && statusMatches && textMatches
    }

    static <T> Page<T> slice(List<T> all, PageRequest page) {
        int from = (int) Math.min(page.offset(), all.size())
        int to = Math.min(from + page.size(), all.size())
        Page.of(all.subList(from, to), page, all.size())
    }

    /** Every research stored, for fakes that sum usage over them. */
    synchronized List<Research> all() {
        vault.enter()
        List.copyOf(research.values())
    }
}
