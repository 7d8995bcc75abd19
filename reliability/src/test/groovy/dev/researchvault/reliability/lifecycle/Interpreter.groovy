package dev.researchvault.reliability.lifecycle

import static dev.researchvault.reliability.lifecycle.Expectations.*

/**
 * What an answer implies, world by world. {@link #apply} takes one world and one operation with the answer
 * it got and gives the world(s) after it — two when the answer never came (killed: it may or may not have
 * happened) — noting in {@code mismatches} what this world cannot explain. {@link #observed} compares a
 * world with what the checks after the step saw. The engine runs every order of concurrent operations
 * through here and keeps the worlds that explain everything: permissive where the order is unknown, strict
 * on the invariants.
 *
 * Mismatch prefixes name the invariant: I1 passwords, I2 acknowledged writes, I3 sessions, B backups
 * listed, D downloads (exactly the file's bytes or a clean refusal), answer (an answer no order of the operations explains, e.g. a 500).
 */
class Interpreter {

    static class Context {
        int step
        /** Another operation of the same user ran concurrently: BUSY answers are allowed. */
        boolean raced
        /** The server was SIGKILLed in this stage: operations without an answer may or may not have happened. */
        boolean killed
        Labels labels
    }

    static List<World> apply(World world, Action action, Outcome outcome, Context context) {
        UserState user = action.slot >= 0 ? world.user(action.slot) : null
        switch (action.type) {
            case OpType.KILL:
                world.users.values().each { it.endSessions("the restart after the SIGKILL of step ${context.step}") }
                return [world]
            case OpType.LOGIN: return [login(world, user, action, outcome, context)]
            case OpType.LOGOUT: return [logout(world, user, action, outcome, context)]
            case OpType.WRITE: return [write(world, user, action, outcome, context)]
            case OpType.BACKUP: return [backup(world, user, action, outcome, context)]
            case OpType.CHANGE_PASSWORD: return changePassword(world, user, action, outcome, context)
            case OpType.RESTORE: return restore(world, user, action, outcome, context)
            case OpType.DELETE: return delete(world, user, action, outcome, context)
            case OpType.REGISTER: return [register(world, user, action, outcome)]
            case OpType.SETUP: return [setup(world, user, action, outcome)]
            case OpType.DOWNLOAD: return [download(world, user, action, outcome, context)]
            default: throw new IllegalArgumentException("not an operation of the model: ${action.type}")
        }
    }

    private static World login(World world, UserState user, Action action, Outcome outcome, Context context) {
        boolean right = user.exists && action.password == user.password
        if (outcome.unknown) {
            return noAnswer(world, action, outcome, context)
        }
        if (outcome.status == 200) {
            if (!right) {
                world.mismatches << "I1: ${action} answered 200, but ${whyNot(user, action.password, context)}".toString()
            }
            user.tokens[outcome.json.token as String] = new TokenState(valid: true, origin: "login of step ${context.step}")
        } else if (outcome.status == 401) {
            if (right) {
                world.mismatches << "I1: ${action} answered 401 with the current password".toString()
            }
        } else if (!(context.raced && outcome.status in BUSY)) {
            unexpected(world, action, outcome)
        }
        world
    }

    private static World logout(World world, UserState user, Action action, Outcome outcome, Context context) {
        if (outcome.status == 204 || outcome.status == 401) {
            user.tokens[action.token]?.with { if (valid) { valid = false; ended = "logout of step ${context.step}" } }
        } else {
            unexpected(world, action, outcome)
        }
        world
    }

    private static World write(World world, UserState user, Action action, Outcome outcome, Context context) {
        boolean live = user.live(action.token)
        if (outcome.unknown) {
            if (live) {
                user.maybe << action.marker
            }
            return noAnswer(world, action, outcome, context)
        }
        if (outcome.status == 201) {
            if (!live) {
                world.mismatches << "I3: ${action} answered 201 with a session that ${ended(user, action.token)}".toString()
            }
            user.must << action.marker
            user.maybe.remove(action.marker)
            if (FileBytes.isFile(action.variant)) {
                user.files[action.marker] = new StoredFile(messageId: outcome.json.id as String, size: action.fileSize)
            }
        } else if (outcome.status == 401) {
            if (live) {
                world.mismatches << "I3: ${action} answered 401 with a live session".toString()
            }
        } else if (context.raced && outcome.status in BUSY) {
            // the loser of a race: refused, no effect
        } else {
            unexpected(world, action, outcome)
            if (!(outcome.status in WRITE_REFUSALS_WITHOUT_EFFECT)) {
                user.maybe << action.marker
            }
        }
        world
    }

    /**
     * A download changes nothing. It must answer exactly the file's bytes (never others, also in a body that broke
     * off) with a session that is live and a file the vault holds in this order, or refuse cleanly: 401 for an
     * ended session, 404 for a file a restore or delete removed, BUSY beside another operation of the user, a
     * cut connection only when the server was killed.
     */
    private static World download(World world, UserState user, Action action, Outcome outcome, Context context) {
        boolean live = user.live(action.token)
        boolean held = user.exists && action.marker in user.must
        boolean possible = held || (user.exists && (user.contentUnknown || action.marker in user.maybe))
        if (outcome.wrongBytes) {
            world.mismatches << "D: ${action} served bytes that are not the file's: ${outcome.wrongBytes}".toString()
        }
        if (outcome.unknown) {
            return noAnswer(world, action, outcome, context)
        }
        if (outcome.status == 200) {
            if (!live) {
                world.mismatches << "I3: ${action} answered 200 with a session that ${ended(user, action.token)}".toString()
            } else if (!possible) {
                world.mismatches << "D: ${action} answered 200, but the file is gone in this order".toString()
            }
        } else if (outcome.status == 401) {
            if (live) {
                world.mismatches << "I3: ${action} answered 401 with a live session".toString()
            }
        } else if (outcome.status == 404) {
            if (live && held && !user.contentUnknown) {
                world.mismatches << "D: ${action} answered 404 for a file the vault holds in this order".toString()
            }
        } else if (!(context.raced && outcome.status in BUSY)) {
            unexpected(world, action, outcome)
        }
        world
    }

    private static World backup(World world, UserState user, Action action, Outcome outcome, Context context) {
        boolean live = user.live(action.token)
        if (outcome.unknown) {
            if (live) {
                user.extras << pending(user, outcome)
            }
            return noAnswer(world, action, outcome, context)
        }
        if (outcome.status == 201) {
            if (!live) {
                world.mismatches << "I3: ${action} answered 201 with a session that ${ended(user, action.token)}".toString()
            }
            String name = outcome.json.name
            if (!user.backups.containsKey(name)) {
                // Two requests may share one backup (docs/backups.md "shared like a group commit").
                user.backups[name] = BackupContent.of(user)
            }
        } else if (outcome.status == 401) {
            if (live) {
                world.mismatches << "I3: ${action} answered 401 with a live session".toString()
            }
        } else if (!(context.raced && outcome.status in BUSY)) {
            unexpected(world, action, outcome)
        }
        world
    }

    private static List<World> changePassword(World world, UserState user, Action action, Outcome outcome, Context context) {
        boolean proper = user.live(action.token) && action.password == user.password
        if (outcome.unknown) {
            noAnswer(world, action, outcome, context)
            if (!proper) {
                return [world]
            }
            return happenedOrNot(world, action, { UserState u -> applyPasswordChange(u, action, outcome, context) })
        }
        if (outcome.status == 204) {
            if (!proper) {
                world.mismatches << "I1: ${action} answered 204, but ${refusalReason(user, action, context)}".toString()
            }
            applyPasswordChange(user, action, outcome, context)
        } else if (outcome.status in REFUSED) {
            if (proper) {
                world.mismatches << "I3: ${action} answered ${outcome.status} with a live session and the current password".toString()
            }
        } else if (!(context.raced && outcome.status in BUSY)) {
            unexpected(world, action, outcome)
            if (proper && outcome.status >= 500) {
                // A failure may come after the change took effect: both are followed, the observation decides.
                return [world, failedButApplied(world, action) { UserState user2 -> applyPasswordChange(user2, action, outcome, context) }]
            }
        }
        [world]
    }

    /** An operation whose answer a SIGKILL swallowed: both the world where it happened and the one where it did not. */
    private static List<World> happenedOrNot(World world, Action action, Closure effect) {
        World happened = world.copy()
        happened.trace << "${action.text}: happened (answer lost)".toString()
        world.trace << "${action.text}: did not happen (answer lost)".toString()
        effect(happened.user(action.slot))
        [world, happened]
    }

    private static World failedButApplied(World world, Action action, Closure effect) {
        World applied = world.copy()
        applied.trace << "${action.text}: took effect although it failed".toString()
        effect(applied.user(action.slot))
        applied
    }

    private static void applyPasswordChange(UserState user, Action action, Outcome outcome, Context context) {
        if (PASSWORD_CHANGE_MAY_ADD_BACKUP) {
            user.extras << pending(user, outcome)
        }
        if (user.password != null) {
            user.oldPasswords << user.password
        }
        user.password = action.newPassword
        if (PASSWORD_CHANGE_ENDS_ALL_SESSIONS) {
            user.endSessions("the password change of step ${context.step}")
        }
        if (!BACKUPS_SURVIVE_PASSWORD_CHANGE) {
            user.backups.clear()
        }
    }

    private static List<World> restore(World world, UserState user, Action action, Outcome outcome, Context context) {
        boolean proper = user.live(action.token) && action.password == user.password
        boolean listed = user.backups.containsKey(action.backupName)
        if (outcome.unknown) {
            noAnswer(world, action, outcome, context)
            if (!(proper && listed)) {
                return [world]
            }
            return happenedOrNot(world, action, { UserState u -> applyRestore(u, action, outcome) })
        }
        if (outcome.status == 200) {
            if (!proper) {
                world.mismatches << "I1: ${action} answered 200, but ${refusalReason(user, action, context)}".toString()
            } else if (!listed) {
                world.mismatches << "B: ${action} answered 200, but the backup is gone in this order".toString()
            }
            applyRestore(user, action, outcome)
        } else if (outcome.status in REFUSED) {
            if (proper) {
                world.mismatches << "I3: ${action} answered ${outcome.status} with a live session and the current password".toString()
            }
        } else if (outcome.status == 404) {
            if (proper && listed) {
                world.mismatches << "B: ${action} answered 404 for a listed backup".toString()
            }
        } else if (!(context.raced && outcome.status in BUSY)) {
            unexpected(world, action, outcome)
            if (proper && listed && outcome.status >= 500) {
                return [world, failedButApplied(world, action) { UserState user2 -> applyRestore(user2, action, outcome) }]
            }
        }
        [world]
    }

    private static void applyRestore(UserState user, Action action, Outcome outcome) {
        if (RESTORE_MAY_ADD_BACKUP) {
            user.extras << pending(user, outcome)
        }
        BackupContent content = user.backups[action.backupName]
        if (content == null || content.opaque) {
            user.contentUnknown = true
        } else {
            user.must = new HashSet<>(content.must)
            user.maybe = new HashSet<>(content.maybe)
            user.contentUnknown = false
        }
        if (!RESTORE_KEEPS_SESSIONS) {
            user.endSessions('a restore')
        }
    }

    private static List<World> delete(World world, UserState user, Action action, Outcome outcome, Context context) {
        boolean proper = user.live(action.token) && action.password == user.password
        if (outcome.unknown) {
            noAnswer(world, action, outcome, context)
            if (!proper) {
                return [world]
            }
            return happenedOrNot(world, action, { UserState u -> applyDelete(u, false, context) })
        }
        if (outcome.status == 204) {
            if (!proper) {
                world.mismatches << "I1: ${action} answered 204, but ${refusalReason(user, action, context)}".toString()
            }
            applyDelete(user, true, context)
        } else if (outcome.status in REFUSED) {
            if (proper) {
                world.mismatches << "I3: ${action} answered ${outcome.status} with a live session and the current password".toString()
            }
        } else if (!(context.raced && outcome.status in BUSY)) {
            unexpected(world, action, outcome)
            if (proper && outcome.status >= 500) {
                return [world, failedButApplied(world, action) { UserState user2 -> applyDelete(user2, false, context) }]
            }
        }
        [world]
    }

    private static void applyDelete(UserState user, boolean acknowledged, Context context) {
        user.endSessions("the account delete of step ${context.step}")
        if (user.userId) {
            user.deletedIds[user.userId] = acknowledged
        }
        user.exists = false
        user.must.clear()
        user.maybe.clear()
        user.contentUnknown = false
        user.backups.clear()
        user.extras.clear()
        user.files.clear()
    }

    private static World register(World world, UserState user, Action action, Outcome outcome) {
        if (outcome.status == 201) {
            if (user.exists) {
                world.mismatches << "answer: ${action} answered 201 for a name that is taken".toString()
            }
            if (user.password != null && user.password != action.password) {
                user.oldPasswords << user.password
            }
            user.exists = true
            user.userId = outcome.userId
            user.password = action.password
            user.must.clear()
            user.maybe.clear()
            user.contentUnknown = false
            user.backups.clear()
            user.extras.clear()
            user.files.clear()
        } else {
            world.mismatches << "answer: ${action} answered ${outcome}".toString()
        }
        world
    }

    private static World setup(World world, UserState user, Action action, Outcome outcome) {
        if (outcome.status == 201 && user.live(action.token)) {
            user.chatId = outcome.json.id
        } else {
            world.mismatches << "answer: ${action} (settings and a chat for a new account) answered ${outcome}".toString()
        }
        world
    }

    private static PendingBackup pending(UserState user, Outcome outcome) {
        new PendingBackup(content: BackupContent.of(user), from: outcome.started, to: outcome.finished)
    }

    private static World noAnswer(World world, Action action, Outcome outcome, Context context) {
        if (!context.killed) {
            world.mismatches << "answer: ${action} got no answer and the server was not killed: ${outcome.error}".toString()
        }
        world
    }

    private static void unexpected(World world, Action action, Outcome outcome) {
        String what = outcome.status >= 500 && outcome.status != 503 ? ' (never a 500)' : ''
        world.mismatches << "answer: ${action} answered ${outcome}${what}: ${outcome.body?.take(200)}".toString()
    }

    private static String whyNot(UserState user, String password, Context context) {
        if (!user.exists) {
            return 'the account is deleted in this order'
        }
        if (password in user.oldPasswords) {
            return "${context.labels.of(password)} is an old password (the current one is ${context.labels.of(user.password)})"
        }
        "${context.labels.of(password)} is wrong (the current one is ${context.labels.of(user.password)})"
    }

    private static String ended(UserState user, String token) {
        if (!user.exists) {
            return 'belongs to a deleted account'
        }
        TokenState state = user.tokens[token]
        state?.ended ? "ended at ${state.ended}" : 'the model never saw alive'
    }

    private static String refusalReason(UserState user, Action action, Context context) {
        if (!user.exists) {
            return 'the account is deleted in this order'
        }
        if (!user.live(action.token)) {
            return "its session ${ended(user, action.token)}"
        }
        whyNot(user, action.password, context)
    }

    /** What {@code world} cannot explain of the checks made after the step, for one user. */
    static List<String> observed(World world, int slot, Observation seen, Labels labels) {
        UserState user = world.user(slot)
        List<String> mismatches = []
        seen.tokens.each { token, status ->
            boolean live = user.live(token)
            int expected = live ? 200 : 401
            if (status != expected) {
                TokenState state = user.tokens[token]
                String history = state == null ? 'unknown to this world' :
                        "from the ${state.origin}${state.ended ? ", ended by ${state.ended}" : ''}"
                mismatches << "I3: token ${labels.of(token)} (${history}) answered ${status} on GET /api/v1/research, expected ${expected}".toString()
            }
        }
        seen.logins.each { login ->
            boolean right = user.exists && login.password == user.password
            if (right && login.status != 200) {
                mismatches << "I1: the current password ${login.label} answered ${login.status}".toString()
            } else if (!right && login.status != 401) {
                String only = user.exists ? "only ${labels.of(user.password)} should" : 'nothing should (the account is deleted)'
                mismatches << "I1: password ${login.label} answered ${login.status}; ${only} open the account".toString()
            }
        }
        if (user.exists && seen.content != null && !user.contentUnknown) {
            Set<String> missing = user.must - seen.content
            Set<String> phantom = seen.content - user.must - user.maybe
            if (missing) {
                mismatches << "I2: ${missing.size()} acknowledged write(s) missing: ${missing.sort().take(4)}".toString()
            }
            if (phantom) {
                mismatches << "I2: ${phantom.size()} write(s) present that this order says were restored away or refused: ${phantom.sort().take(4)}".toString()
            }
        }
        if (user.exists && seen.backups != null && seen.backups.size() < BACKUP_MAX_COUNT) {
            Set<String> vanished = user.backups.keySet() - seen.backups
            if (vanished) {
                mismatches << "B: backup(s) no longer listed: ${vanished.sort()}".toString()
            }
        }
        mismatches
    }

    /**
     * One world from the worlds that explain everything (or the best one, after a violation), made to agree
     * with what was seen: sessions, live content and backup names as observed, the contents of the backups
     * as bounds over all the worlds.
     */
    static World settle(List<World> worlds, Map<Integer, Observation> seen) {
        World settled = worlds[0].copy()
        settled.mismatches = []
        settled.trace = []
        settled.users.each { slot, user ->
            Observation observation = seen[slot]
            if (observation == null) {
                return
            }
            observation.tokens.each { token, status ->
                TokenState state = user.tokens[token]
                if (state != null && state.valid != (status == 200)) {
                    state.valid = status == 200
                    state.ended = state.valid ? null : (state.ended ?: 'the server (unexplained)')
                }
            }
            if (observation.content != null) {
                user.must = new HashSet<>(observation.content)
                user.maybe = new HashSet<>()
                user.contentUnknown = false
            }
            if (observation.backups != null) {
                TreeMap<String, BackupContent> backups = new TreeMap<>()
                observation.backups.each { String name ->
                    backups[name] = BackupContent.merge(worlds.collect { World world ->
                        UserState there = world.user(slot)
                        if (there.backups[name] != null) {
                            return there.backups[name]
                        }
                        // A backup the server took on its own: what it holds is known only if it was taken
                        // while an operation that may take one ran; anything else (an automatic one) is opaque.
                        // The server says which are automatic: one written while a restore ran is not its
                        // safety copy just because the times fit.
                        if (name in observation.automaticBackups) {
                            return null
                        }
                        List<PendingBackup> makers = there.extras.findAll { it.couldHaveMade(name) }
                        makers ? BackupContent.merge(makers*.content) : null
                    })
                }
                user.backups = backups
            }
            user.extras = []
        }
        settled
    }
}
