package dev.researchvault.domain.ldr;

/** One row of LDR's {@code research_resources}: a source a research found. */
public record LdrResource(String researchId, String title, String url, String preview, String sourceType,
                          String createdAt) {
}
