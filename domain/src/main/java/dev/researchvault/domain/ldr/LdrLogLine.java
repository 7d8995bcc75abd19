package dev.researchvault.domain.ldr;

/** One line of LDR's research log ({@code app_logs}); {@code level} is loguru's (INFO, MILESTONE, …). */
public record LdrLogLine(String researchId, String timestamp, String level, String message) {
}
