package dev.researchvault.domain.ldr;

/**
 * One row of LDR's {@code settings} table.
 *
 * @param value the value decoded from its JSON column: String, Long, Double, Boolean, List, Map or null
 */
public record LdrSetting(String key, Object value) {
}
