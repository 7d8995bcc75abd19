package dev.researchvault.reliability.lifecycle

import java.time.Instant
import java.time.LocalDateTime
import java.time.ZoneOffset
import java.time.format.DateTimeFormatter

/** A token the model holds, whether its session should be alive, and why it ended. */
class TokenState {
    boolean valid
    String origin
    String ended

    TokenState copy() { new TokenState(valid: valid, origin: origin, ended: ended) }
}

/**
 * What a backup holds, as bounds: every marker of {@code must} is in it, nothing outside {@code must + maybe}.
 * Opaque: a backup the model cannot account for (an automatic one); never restored by the schedule.
 */
class BackupContent {
    final Set<String> must
    final Set<String> maybe
    final boolean opaque

    BackupContent(Set<String> must, Set<String> maybe, boolean opaque = false) {
        this.must = Collections.unmodifiableSet(new HashSet<>(must))
        this.maybe = Collections.unmodifiableSet(new HashSet<>(maybe - must))
        this.opaque = opaque
    }

    static final BackupContent OPAQUE = new BackupContent([] as Set, [] as Set, true)

    /** A snapshot of the user's live content as the world has it now. */
    static BackupContent of(UserState user) { new BackupContent(user.must, user.maybe) }

    /** What a backup holds when any of {@code contents} may be the true one. */
    static BackupContent merge(Collection<BackupContent> contents) {
        if (contents.isEmpty() || contents.any { it == null || it.opaque }) {
            return OPAQUE
        }
        Set<String> must = new HashSet<>(contents[0].must)
        Set<String> possible = new HashSet<>()
        contents.each { must.retainAll(it.must); possible.addAll(it.must); possible.addAll(it.maybe) }
        new BackupContent(must, possible)
    }

    @Override
    String toString() { opaque ? 'opaque' : "${must.size()} writes${maybe ? " (+${maybe.size()} maybe)" : ''}" }
}

/**
 * A backup the server may add on its own while an operation runs (a restore's safety copy of the live
 * vault, the backup after a password change): what it would hold, and when. A backup name is its UTC
 * creation time (docs/backups.md), so a name that appears is matched only to operations running then.
 */
class PendingBackup {
    static final long SLACK_MS = 50
    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'")

    BackupContent content
    Instant from
    /** null: the operation got no answer (server killed), so it may have run until the restart. */
    Instant to

    boolean couldHaveMade(String name) {
        Instant at = timeOf(name)
        at != null && !at.isBefore(from.minusMillis(SLACK_MS)) && (to == null || !at.isAfter(to.plusMillis(SLACK_MS)))
    }

    static Instant timeOf(String name) {
        try {
            LocalDateTime.parse(name.take(19), NAME).toInstant(ZoneOffset.UTC)
        } catch (RuntimeException notAName) {
            null
        }
    }
}

/** A file a WRITE(file) stored: the message that holds it (as file 0) and its size; its bytes follow from the marker. */
@groovy.transform.Immutable
class StoredFile {
    String messageId
    int size
}

/** One user ("slot") as one world of the model has it. */
class UserState {
    int slot
    String name
    boolean exists
    String userId
    String password
    List<String> oldPasswords = []
    /** Markers (research queries, message texts) the live vault must hold, and those it may hold besides. */
    Set<String> must = new HashSet<>()
    Set<String> maybe = new HashSet<>()
    /** A restore of a backup this world did not know: its content cannot be predicted. */
    boolean contentUnknown
    /** Backups listed for the user, by name (sorted: names are UTC times). */
    TreeMap<String, BackupContent> backups = new TreeMap<>()
    /** Contents of backups the server may add on its own during this step (a restore's safety copy…). */
    List<PendingBackup> extras = []
    LinkedHashMap<String, TokenState> tokens = new LinkedHashMap<>()
    /** Files acknowledged in this account, by the marker of their message (downloadable while the marker is in must). */
    Map<String, StoredFile> files = [:]
    /** User ids this slot had before, with whether their delete was acknowledged (2xx reached the client). */
    Map<String, Boolean> deletedIds = [:]
    String chatId

    boolean live(String token) { exists && tokens[token]?.valid }

    List<String> liveTokens() { tokens.findAll { it.value.valid }.keySet().toList() }

    void endSessions(String why) {
        tokens.values().findAll { it.valid }.each { it.valid = false; it.ended = why }
    }

    UserState copy() {
        def copy = new UserState(slot: slot, name: name, exists: exists, userId: userId, password: password,
                oldPasswords: new ArrayList<>(oldPasswords), must: new HashSet<>(must), maybe: new HashSet<>(maybe),
                contentUnknown: contentUnknown, backups: new TreeMap<>(backups), extras: new ArrayList<>(extras),
                deletedIds: new LinkedHashMap<>(deletedIds), chatId: chatId, files: new LinkedHashMap<>(files))
        tokens.each { token, state -> copy.tokens[token] = state.copy() }
        copy
    }
}

/**
 * One possible state of every user after the operations so far, in one order of the concurrent ones, with
 * the answers it could not explain ({@link #mismatches}) and the order it assumed ({@link #trace}).
 */
class World {
    TreeMap<Integer, UserState> users = new TreeMap<>()
    List<String> mismatches = []
    List<String> trace = []

    World copy() {
        def copy = new World(mismatches: new ArrayList<>(mismatches), trace: new ArrayList<>(trace))
        users.each { slot, user -> copy.users[slot] = user.copy() }
        copy
    }

    UserState user(int slot) { users[slot] }
}
