package dev.researchvault.reliability.lifecycle

import java.time.Instant

/** An operation made concrete for one run of a step: the token, passwords, backup name, marker it uses. */
class Action {
    OpType type
    int slot
    String variant
    String username
    String token
    String password
    String newPassword
    String backupName
    String marker
    String chatId
    String userId
    /** WRITE of a file and DOWNLOAD: the file's size; DOWNLOAD: its message, and how long the client pauses mid-body. */
    int fileSize
    String messageId
    int pauseMs
    /** A readable form with labels instead of secrets, for the step list. */
    String text

    @Override
    String toString() { text }
}

/** What one operation got back: a status and body, or no answer at all (the server died under it, or a timeout). */
class Outcome {
    Integer status
    Object json
    String body
    String error
    /** REGISTER: the id registry.db gave the new account. */
    String userId
    /** When the request was sent and when its answer came (null: none came). */
    Instant started
    Instant finished
    /** DOWNLOAD: what the body held when it was not the file's bytes (also in a body that broke off). */
    String wrongBytes
    /** What the client saw besides the status (a download's byte count). */
    String note

    boolean isUnknown() { status == null }

    @Override
    String toString() {
        if (unknown) {
            return "no answer (${error}${wrongBytes ? "; ${wrongBytes}" : ''})"
        }
        if (json instanceof Map && json.token) {
            return "${status} ${body}"   // the engine puts the token's label there, never the token
        }
        String code = json instanceof Map && json.code ? " ${json.code}" : ''
        "${status}${code}${note ? " (${note})" : ''}"
    }
}

/** What the checks after a step saw for one user. */
class Observation {
    static class Login {
        String password
        String label
        int status
        String token
    }

    /** token → status of GET /api/v1/research with it (-1: no answer). */
    Map<String, Integer> tokens = new LinkedHashMap<>()
    List<Login> logins = []
    /** Markers the live vault holds (research queries and message texts), null when no login worked. */
    Set<String> content
    /** Backup names listed, null when no login worked. */
    List<String> backups
    /** Backups the server lists as {@code kind: automatic}: taken on its own after a login, content unknown. */
    Set<String> automaticBackups = [] as Set
    List<String> problems = []
    /** A fresh session of the password that opens the account could not read it (401 or 5xx). */
    String unusable

    List<Login> getOpened() { logins.findAll { it.status == 200 } }
}

/** Readable names for passwords and tokens, so step lists and failures never print a secret. */
class Labels {
    private final Map<String, String> names = [:]
    private final Map<String, Integer> order = [:]
    private final Map<String, Integer> counters = [:]

    synchronized String name(String secret, String prefix) {
        if (secret == null) {
            return 'none'
        }
        names.computeIfAbsent(secret) {
            int n = counters.merge(prefix, 1, Integer::sum)
            order[secret] = order.size()
            "${prefix}${n}".toString()
        }
    }

    synchronized String of(String secret) { secret == null ? 'none' : names[secret] ?: '?' }

    /** Later labelled secrets first. */
    synchronized int age(String secret) { -(order[secret] ?: -1) }
}
