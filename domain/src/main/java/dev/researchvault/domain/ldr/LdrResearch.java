package dev.researchvault.domain.ldr;

import java.util.Map;

/**
 * One row of LDR's {@code research_history}, as stored there (times are LDR's text, unparsed).
 *
 * @param metadata {@code research_meta} as a JSON object, empty when absent or not an object
 * @param report   {@code report_content}, the markdown report, or null (older versions kept it in a file)
 */
public record LdrResearch(String id, String query, String mode, String status, String createdAt, String completedAt,
                          String title, Integer progress, Map<String, Object> metadata, String report) {
}
