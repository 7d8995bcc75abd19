package dev.researchvault.application.research;

import dev.researchvault.application.account.Session;
import dev.researchvault.application.events.ChangeEvents;
import dev.researchvault.application.events.ChangeFeed;
import dev.researchvault.application.vault.VaultWork;
import dev.researchvault.domain.Batches;
import dev.researchvault.domain.NotFoundException;
import dev.researchvault.domain.Page;
import dev.researchvault.domain.PageRequest;
import dev.researchvault.domain.RuleViolationException;
import dev.researchvault.domain.research.ResearchLog;
import dev.researchvault.domain.research.ResearchQuery;
import dev.researchvault.domain.research.ResearchReport;
import dev.researchvault.domain.research.ResearchRepository;
import dev.researchvault.domain.research.ResearchResource;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

/** {@link RecordResearchWorkUseCase} over the caller's vault. */
public record ResearchWorkService(VaultWork vault, ResearchRepository repository, ChangeFeed events, Clock clock)
        implements RecordResearchWorkUseCase {

    @Override
    public ResearchQuery addQuery(Session caller, UUID researchId, String query, String engine) {
        ResearchQuery added = new ResearchQuery(UUID.randomUUID(), researchId, query, engine, now());
        return inResearch(caller, researchId, () -> vault.inTransaction(() -> {
            repository.addQuery(added);
            return added;
        }));
    }

    @Override
    public List<ResearchQuery> queries(Session caller, UUID researchId) {
        return inResearch(caller, researchId, () -> repository.queries(researchId));
    }

    @Override
    public List<ResearchResource> addResources(Session caller, UUID researchId, List<NewResource> resources) {
        if (resources == null || resources.isEmpty() || resources.size() > MAX_RESOURCES_PER_CALL) {
            throw new RuleViolationException("research.invalid-resource-batch",
                    "send between 1 and " + MAX_RESOURCES_PER_CALL + " resources per call");
        }
        Instant now = now();
        // Every refused resource is named by its index, so a client can fix them all at once.
        List<ResearchResource> added = Batches.mapAll(resources, resource -> toResource(researchId, resource, now));
        return inResearch(caller, researchId, () -> vault.inTransaction(() -> {
            requireKnownQueries(researchId, added);
            repository.addResources(added);
            return added;
        }));
    }

    @Override
    public Page<ResearchResource> resources(Session caller, UUID researchId, PageRequest page) {
        return inResearch(caller, researchId, () -> repository.resources(researchId, page));
    }

    @Override
    public ResearchReport putReport(Session caller, UUID researchId, String content, String format) {
        ResearchReport draft = ResearchReport.draft(researchId, content, format, now());
        return inResearch(caller, researchId, () -> vault.inTransaction(() -> repository.putReport(draft)));
    }

    @Override
    public ResearchReport report(Session caller, UUID researchId) {
        return inResearch(caller, researchId, () -> repository.report(researchId)
                .orElseThrow(() -> new NotFoundException("research.no-report", "this research has no report yet")));
    }

    @Override
    public ResearchLog appendLog(Session caller, UUID researchId, String level, String message, Integer progress) {
        ResearchLog line = ResearchLog.unnumbered(researchId, level, message, progress, now());
        ResearchLog appended = inResearch(caller, researchId, () -> vault.inTransaction(() -> repository.appendLog(line)));
        events.publish(caller.userId(), ChangeEvents.researchLog(appended));
        return appended;
    }

    @Override
    public List<ResearchLog> logs(Session caller, UUID researchId, long afterSequence) {
        return inResearch(caller, researchId, () -> repository.logs(researchId, afterSequence, MAX_LOG_LINES_PER_CALL));
    }

    private static ResearchResource toResource(UUID researchId, NewResource resource, Instant now) {
        if (resource == null) {
            throw new RuleViolationException("research.invalid-resource", "a resource must be an object");
        }
        return new ResearchResource(UUID.randomUUID(), researchId, resource.queryId(), resource.title(),
                resource.url(), resource.snippet(), resource.sourceType(), now);
    }

    private void requireKnownQueries(UUID researchId, List<ResearchResource> resources) {
        boolean allKnown = resources.stream().map(ResearchResource::queryId).filter(Objects::nonNull).distinct()
                .allMatch(queryId -> repository.hasQuery(researchId, queryId));
        if (!allKnown) {
            throw new RuleViolationException("research.unknown-query", "a queryId is not a query of this research");
        }
    }

    /** Runs {@code work} in the caller's vault once the research is known to exist there (else 404). */
    private <T> T inResearch(Session caller, UUID researchId, Supplier<T> work) {
        return vault.inVault(caller, () -> {
            if (repository.find(researchId).isEmpty()) {
                throw ResearchErrors.notFound();
            }
            return work.get();
        });
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
