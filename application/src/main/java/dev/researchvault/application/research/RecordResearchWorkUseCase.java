package dev.researchvault.application.research;

import dev.researchvault.application.account.Session;
import dev.researchvault.domain.Page;
import dev.researchvault.domain.PageRequest;
import dev.researchvault.domain.research.ResearchLog;
import dev.researchvault.domain.research.ResearchQuery;
import dev.researchvault.domain.research.ResearchReport;
import dev.researchvault.domain.research.ResearchResource;
import java.util.List;
import java.util.UUID;

/**
 * What is recorded while a research runs: its queries, the resources they found, its report and its log.
 * Every method answers 404 {@code research.not-found} when the caller has no research {@code researchId}.
 */
public interface RecordResearchWorkUseCase {

    /** Most resources one call may add. */
    int MAX_RESOURCES_PER_CALL = 500;

    /** Most log lines one call of {@link #logs} answers; clients page on with {@code after}. */
    int MAX_LOG_LINES_PER_CALL = 1_000;

    /** Records a query run on {@code engine}. 400 for a blank or too long query or engine. */
    ResearchQuery addQuery(Session caller, UUID researchId, String query, String engine);

    /** The research's queries, oldest first. */
    List<ResearchQuery> queries(Session caller, UUID researchId);

    /**
     * Adds 1 to {@link #MAX_RESOURCES_PER_CALL} resources in one transaction: all or none. 400 for an empty
     * or too large batch, a resource without url, or a {@code queryId} that is not a query of this research.
     */
    List<ResearchResource> addResources(Session caller, UUID researchId, List<NewResource> resources);

    /** The research's resources, oldest first. */
    Page<ResearchResource> resources(Session caller, UUID researchId, PageRequest page);

    /** Replaces the report; its version grows by one. 400 for missing content or a format other than markdown. */
    ResearchReport putReport(Session caller, UUID researchId, String content, String format);

    /** The current report; 404 {@code research.no-report} when none was put yet. */
    ResearchReport report(Session caller, UUID researchId);

    /** Appends a log line, numbered after the last one. 400 for a bad level, message or progress. */
    ResearchLog appendLog(Session caller, UUID researchId, String level, String message, Integer progress);

    /** Up to {@link #MAX_LOG_LINES_PER_CALL} log lines numbered above {@code afterSequence}, oldest first. */
    List<ResearchLog> logs(Session caller, UUID researchId, long afterSequence);

    /** A resource to add; {@code queryId} may be null. */
    record NewResource(String title, String url, String snippet, String sourceType, UUID queryId) {
    }
}
