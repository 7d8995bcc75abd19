package dev.researchvault.adapter.persistence.research;

import dev.researchvault.adapter.persistence.research.Rows.ResearchRow;
import dev.researchvault.adapter.persistence.sql.LikePatterns;
import dev.researchvault.adapter.persistence.sql.ListFilter;
import dev.researchvault.adapter.persistence.sql.NewestFirstList;
import dev.researchvault.adapter.persistence.sql.SqlTimes;
import dev.researchvault.adapter.persistence.sql.StoredIds;
import dev.researchvault.adapter.persistence.sql.VaultStatements;
import dev.researchvault.adapter.persistence.vault.CurrentVault;
import dev.researchvault.adapter.persistence.vault.PointReads;
import dev.researchvault.adapter.persistence.research.ResearchWorkRows.LogRows;
import dev.researchvault.adapter.persistence.research.ResearchWorkRows.QueryRows;
import dev.researchvault.adapter.persistence.research.ResearchWorkRows.ReportRows;
import dev.researchvault.adapter.persistence.research.ResearchWorkRows.ResourceRows;
import dev.researchvault.domain.Page;
import dev.researchvault.domain.PageCursor;
import dev.researchvault.domain.PageRequest;
import dev.researchvault.domain.research.Research;
import dev.researchvault.domain.research.ResearchFilter;
import dev.researchvault.domain.research.ResearchLog;
import dev.researchvault.domain.research.ResearchQuery;
import dev.researchvault.domain.research.ResearchReport;
import dev.researchvault.domain.research.ResearchRepository;
import dev.researchvault.domain.research.ResearchResource;
import io.micronaut.data.connection.ConnectionOperations;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** {@link ResearchRepository} in the bound user's {@code vault.db}, through Micronaut Data JDBC. */
@Singleton
final class JdbcResearchRepository implements ResearchRepository {

    /**
     * Newest first; a chat filter reads {@code idx_research_chat_id_created_at} (a chat starts few research) and
     * checks the others on its rows, else a status filter reads {@code idx_research_status_created_at}; the text filter (a LIKE pattern
     * escaped with {@code !}, {@link LikePatterns}) is checked on the rows of the time index.
     */
    static final NewestFirstList.Shape LIST = new NewestFirstList.Shape(PageCursor.Listing.RESEARCH, "research",
            "rowid", "created_at", ResearchRow.COLUMNS);
    /**
     * One research by id, read by hand like the list: Micronaut Data's generated {@code findById} spent about twice
     * as long mapping the row (a name lookup per column, an introspected constructor) as SQLite spent reading it, in
     * a JFR profile of {@code GET /api/v1/research/{id}} (docs/benchmarks.md, "HTTP against Micronaut's own floor").
     */
    static final String FIND = "SELECT " + LIST.columns() + " FROM research WHERE id = ?";
    static final String MATCHES_TEXT = "(query LIKE ? ESCAPE '!' OR title LIKE ? ESCAPE '!')";

    private final ResearchRows research;
    private final NewestFirstList<ResearchRow> newestFirst;
    private final QueryRows queries;
    private final ResourceRows resources;
    private final ReportRows reports;
    private final LogRows logs;
    private final ResearchMapper mapper;
    private final VaultStatements sql;

    JdbcResearchRepository(ResearchRows research, QueryRows queries, ResourceRows resources, ReportRows reports,
                           LogRows logs, ResearchMapper mapper,
                           @Named("default") ConnectionOperations<Connection> connections) {
        this.research = research;
        // A list row starts with its position (NewestFirstList's first column), then LIST's columns.
        this.newestFirst = new NewestFirstList<>(connections, LIST, row -> ResearchRow.read(row, 2));
        this.queries = queries;
        this.resources = resources;
        this.reports = reports;
        this.logs = logs;
        this.mapper = mapper;
        this.sql = new VaultStatements(connections, "research");
    }

    @Override
    public void add(Research added) {
        research.save(mapper.toRow(added));
    }

    @Override
    public void update(Research changed) {
        research.update(mapper.toRow(changed));
    }

    /**
     * Kept while the vault is otherwise unused ({@link PointReads}): a client polls one research for its progress,
     * and each poll would otherwise borrow a connection and query the file again.
     */
    @Override
    public Optional<Research> find(UUID id) {
        return CurrentVault.pointRead(new PointReads.Key("research", id), () -> read(id));
    }

    private Optional<Research> read(UUID id) {
        return sql.query(FIND, statement -> statement.setString(1, id.toString()),
                row -> ResearchRow.read(row, 1)).stream()
                .findFirst().map(mapper::toResearch);
    }

    @Override
    public Page<Research> list(ResearchFilter filter, PageRequest page) {
        String status = filter.status() == null ? null : filter.status().wireName();
        String pattern = filter.text() == null ? null : LikePatterns.containing(filter.text());
        return newestFirst.page(page, ListFilter.equal("chat_id", StoredIds.text(filter.chatId())),
                        ListFilter.equal("status", status), ListFilter.where(MATCHES_TEXT, pattern, 2))
                .map(mapper::toResearch);
    }

    @Override
    public void detachChat(UUID chatId) {
        research.detachChat(chatId.toString());
    }

    @Override
    public boolean delete(UUID id) {
        // The foreign keys cascade to queries, resources, report and log lines.
        return research.deleteById(id.toString()) > 0;
    }

    @Override
    public void addQuery(ResearchQuery query) {
        queries.save(ResearchMapper.toRow(query));
    }

    @Override
    public List<ResearchQuery> queries(UUID researchId) {
        return queries.oldestFirst(researchId.toString()).stream().map(ResearchMapper::toQuery).toList();
    }

    @Override
    public boolean hasQuery(UUID researchId, UUID queryId) {
        return queries.existsByIdAndResearchId(queryId.toString(), researchId.toString());
    }

    @Override
    public void addResources(List<ResearchResource> added) {
        resources.saveAll(added.stream().map(ResearchMapper::toRow).toList());
    }

    @Override
    public Page<ResearchResource> resources(UUID researchId, PageRequest page) {
        String id = researchId.toString();
        List<ResearchResource> items = resources.oldestFirst(id, page.size(), page.offset()).stream()
                .map(ResearchMapper::toResource).toList();
        return Page.of(items, page, resources.countByResearchId(id));
    }

    @Override
    public ResearchReport putReport(ResearchReport draft) {
        String id = draft.researchId().toString();
        reports.upsert(id, draft.content(), draft.format(), SqlTimes.format(draft.updatedAt()));
        return reports.findById(id).map(ResearchMapper::toReport).orElseThrow();
    }

    @Override
    public Optional<ResearchReport> report(UUID researchId) {
        return reports.findById(researchId.toString()).map(ResearchMapper::toReport);
    }

    @Override
    public ResearchLog appendLog(ResearchLog line) {
        logs.append(line.researchId().toString(), line.level(), line.message(), line.progress(),
                SqlTimes.format(line.createdAt()));
        return ResearchMapper.toLog(logs.lastAppended());
    }

    @Override
    public List<ResearchLog> logs(UUID researchId, long afterSequence, int limit) {
        return logs.after(researchId.toString(), afterSequence, limit).stream().map(ResearchMapper::toLog).toList();
    }
}
