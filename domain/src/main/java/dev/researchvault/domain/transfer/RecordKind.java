package dev.researchvault.domain.transfer;

import java.util.Locale;

/**
 * The kinds of record an export holds, one JSON Lines file each, in an order where every record comes after
 * the records it refers to (an import needs no other order; it checks references at commit anyway). Derived
 * data is not a kind: usage day sums, row counts and the search index are rebuilt by the vault's own triggers
 * from the records they derive from, and {@code vault_meta} describes the vault, not the user's data.
 */
public enum RecordKind {
    AGENT, CHAT, CHAT_MESSAGE, RESEARCH, RESEARCH_QUERY, RESEARCH_RESOURCE, RESEARCH_REPORT, RESEARCH_LOG,
    AGENT_EXECUTION, AGENT_EXECUTION_LOG, DOCUMENT, DOCUMENT_TEXT, DOCUMENT_CHUNK, DOCUMENT_GROUP,
    DOCUMENT_GROUP_MEMBER, WRITING_SESSION, DRAFT, DRAFT_VERSION, DRAFT_REFERENCE, SETTING_OVERRIDE,
    /** Secrets: exported only when the user asked for them and proved the password again. */
    API_KEY;

    /** The kind's name in the export: {@code chat_message} (also the file {@code chat_message.jsonl}). */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The JSON Lines file holding this kind's records. */
    public String fileName() {
        return wireName() + ".jsonl";
    }

    /** Whether this kind holds secrets that leave the vault only when asked for. */
    public boolean secret() {
        return this == API_KEY;
    }
}
