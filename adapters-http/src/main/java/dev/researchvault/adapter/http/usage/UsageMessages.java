package dev.researchvault.adapter.http.usage;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.researchvault.application.usage.ReadUsageUseCase.UsageReport;
import dev.researchvault.domain.usage.UsageTotal;
import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;
import java.util.List;

/** Bodies of the usage report; every field is always written. */
final class UsageMessages {

    private UsageMessages() {
    }

    /** {@code {groups, total}}: the groups ordered by key (nulls first), and their sum. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record UsageReportResponse(List<UsageGroupResponse> groups, UsageGroupResponse total) {

        static UsageReportResponse of(UsageReport report) {
            return new UsageReportResponse(report.groups().stream().map(UsageGroupResponse::of).toList(),
                    UsageGroupResponse.of(report.total()));
        }
    }

    /**
     * One group's sums: {@code key} is the model (null for calls recorded without one) or the UTC day, null in the
     * total; {@code costUsd} is exact to the micro-dollar.
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record UsageGroupResponse(String key, long promptTokens, long completionTokens, BigDecimal costUsd, long calls) {

        static UsageGroupResponse of(UsageTotal total) {
            return new UsageGroupResponse(total.key(), total.promptTokens(), total.completionTokens(), total.costUsd(),
                    total.calls());
        }
    }
}
