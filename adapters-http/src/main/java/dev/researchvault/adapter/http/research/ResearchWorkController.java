package dev.researchvault.adapter.http.research;

import dev.researchvault.adapter.http.created.Created;
import dev.researchvault.adapter.http.openapi.NotFoundAnswer;
import dev.researchvault.adapter.http.openapi.SessionRequired;
import dev.researchvault.adapter.http.page.PageResponse;
import dev.researchvault.adapter.http.problem.Problem;
import dev.researchvault.adapter.http.research.ResearchMessages.AddQueryRequest;
import dev.researchvault.adapter.http.research.ResearchMessages.AddResourceRequest;
import dev.researchvault.adapter.http.research.ResearchMessages.AppendLogRequest;
import dev.researchvault.adapter.http.research.ResearchMessages.LogResponse;
import dev.researchvault.adapter.http.research.ResearchMessages.PutReportRequest;
import dev.researchvault.adapter.http.research.ResearchMessages.QueryResponse;
import dev.researchvault.adapter.http.research.ResearchMessages.ReportResponse;
import dev.researchvault.adapter.http.research.ResearchMessages.ResourceResponse;
import dev.researchvault.adapter.http.session.CurrentSession;
import dev.researchvault.application.account.Session;
import dev.researchvault.application.research.RecordResearchWorkUseCase.NewResource;
import dev.researchvault.application.research.RecordResearchWorkUseCase;
import dev.researchvault.domain.Batches;
import dev.researchvault.domain.PageRequest;
import dev.researchvault.domain.RuleViolationException;
import dev.researchvault.domain.research.ResearchReport;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;

import static dev.researchvault.adapter.http.research.ResearchController.researchId;

/** What is recorded for a research: {@code /api/v1/research/{id}/queries|resources|report|logs}. */
@Controller("/api/v1/research/{id}")
@SessionRequired
@ExecuteOn(TaskExecutors.BLOCKING)
record ResearchWorkController(RecordResearchWorkUseCase work) {

    static final String MARKDOWN = "text/markdown";

    /** Records a search query of the research. */
    @NotFoundAnswer
    @Post("/queries")
    @Status(HttpStatus.CREATED)
    public HttpResponse<QueryResponse> addQuery(@CurrentSession Session session, String id, @Body AddQueryRequest body) {
        return Created.at(QueryResponse.of(work.addQuery(session, researchId(id), body.query(), body.engine())),
                "/api/v1/research", id, "queries");
    }

    /** The research's queries, in the order added. */
    @NotFoundAnswer
    @Get("/queries")
    public List<QueryResponse> queries(@CurrentSession Session session, String id) {
        return work.queries(session, researchId(id)).stream().map(QueryResponse::of).toList();
    }

    /** Adds up to 500 resources in one transaction. */
    @NotFoundAnswer
    @Post("/resources")
    @Status(HttpStatus.CREATED)
    public HttpResponse<List<ResourceResponse>> addResources(@CurrentSession Session session, String id,
                                               @Body List<AddResourceRequest> body) {
        // Each resource whose queryId is no id is named by its index, as the service names the others.
        List<NewResource> resources = Batches.mapAll(body, ResearchWorkController::toNewResource);
        return Created.at(work.addResources(session, researchId(id), resources).stream()
                .map(ResourceResponse::of).toList(), "/api/v1/research", id, "resources");
    }

    /** The research's resources, by page. */
    @ApiResponse(responseCode = "400", description = "request.invalid-parameter: page or size is not a whole number "
            + "the server can read; page.invalid-page: page below 0; page.invalid-size: size outside 1 to 200", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @NotFoundAnswer
    @Get("/resources")
    public PageResponse<ResourceResponse> resources(@CurrentSession Session session, String id,
                                                    @QueryValue(defaultValue = "0") int page,
                                                    @QueryValue(defaultValue = "20") int size) {
        return PageResponse.of(work.resources(session, researchId(id), new PageRequest(page, size)),
                ResourceResponse::of);
    }

    /** Replaces the report; its version grows by one. */
    @NotFoundAnswer
    @Put("/report")
    public ReportResponse putReport(@CurrentSession Session session, String id, @Body PutReportRequest body) {
        return ReportResponse.of(work.putReport(session, researchId(id), body.content(), body.format()));
    }

    /** The report as JSON, or its raw text when the client accepts {@code text/markdown} and not JSON. */
    @ApiResponse(responseCode = "200", description = "The report: JSON, or its text alone for Accept: text/markdown",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReportResponse.class)),
                       @Content(mediaType = MARKDOWN, schema = @Schema(type = "string"))})
    @NotFoundAnswer
    @Get("/report")
    @Produces({MediaType.APPLICATION_JSON, MARKDOWN})
    public HttpResponse<?> report(@CurrentSession Session session, HttpRequest<?> request, String id) {
        ResearchReport report = work.report(session, researchId(id));
        if (wantsMarkdown(request)) {
            return HttpResponse.ok(report.content().getBytes(StandardCharsets.UTF_8))
                    .contentType(MARKDOWN + ";charset=utf-8");
        }
        return HttpResponse.ok(ReportResponse.of(report)).contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    /** Appends a line to the research's log, with the progress when given. */
    @NotFoundAnswer
    @Post("/logs")
    @Status(HttpStatus.CREATED)
    public HttpResponse<LogResponse> appendLog(@CurrentSession Session session, String id, @Body AppendLogRequest body) {
        return Created.at(LogResponse.of(work.appendLog(session, researchId(id), body.level(), body.message(),
                body.progress())), "/api/v1/research", id, "logs");
    }

    /** Log lines numbered above {@code after}, oldest first (at most 1000; page on with the last sequence). */
    @ApiResponse(responseCode = "400", description = "request.invalid-parameter: after is not a whole number the server "
            + "can read", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @NotFoundAnswer
    @Get("/logs")
    public List<LogResponse> logs(@CurrentSession Session session, String id,
                                  @QueryValue(defaultValue = "0") long after) {
        return work.logs(session, researchId(id), after).stream().map(LogResponse::of).toList();
    }

    private static NewResource toNewResource(AddResourceRequest resource) {
        if (resource == null) {
            throw new RuleViolationException("research.invalid-resource", "a resource must be an object");
        }
        return new NewResource(resource.title(), resource.url(), resource.snippet(), resource.sourceType(),
                PathIds.parseReference(resource.queryId(), "research.unknown-query"));
    }

    private static boolean wantsMarkdown(HttpRequest<?> request) {
        Collection<MediaType> accepted = request.accept();
        return accepted.stream().anyMatch(type -> MARKDOWN.equals(type.getName()))
                && accepted.stream().noneMatch(type -> MediaType.APPLICATION_JSON.equals(type.getName()));
    }
}
