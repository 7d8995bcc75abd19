package dev.researchvault.application.ldr;

/** What an LDR import counts. */
public enum LdrKind {
    RESEARCH, REPORTS, RESOURCES, LOGS, SETTINGS, API_KEYS
}
