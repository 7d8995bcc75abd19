package dev.researchvault.reliability.lifecycle

import dev.researchvault.reliability.support.Api
import dev.researchvault.reliability.support.VaultFiles

import java.nio.file.Files
import java.nio.file.Path
import java.time.Instant
import java.util.concurrent.Callable
import java.util.concurrent.ExecutorService
import java.util.concurrent.Executors
import java.util.concurrent.Future
import java.util.concurrent.TimeUnit

/**
 * Runs a schedule against the real server and checks the invariants of LIFECYCLE.md after every step.
 *
 * A step becomes stages: preparation (register a deleted user again, log in when the user holds no live
 * token, take a backup when a restore has none to restore, log out surplus sessions), then the step's own
 * operation(s), two of them started on their own threads {@code delayMs} apart. Each stage's answers are
 * run through the {@link Interpreter} in every order, giving the possible worlds. Then the checks: every
 * token the model holds, a login with every candidate password (the current one(s), the two previous and
 * a wrong one), the live content and backup list read with a fresh session, leftovers in the user's
 * directories and, after kills and every {@link #integrityEvery} steps, integrity_check from outside. A
 * world that explains all of it becomes the model; when none does, the best one's unexplained points are a
 * violation, and the model is set to what was seen (an account no password opens is given up and a new one
 * takes its slot) so the run goes on and can find more.
 */
class LifecycleRun {

    static final Path OUT_DIR = Path.of(System.getProperty('reliability.log-dir', 'target/server-logs')).resolveSibling('lifecycle')
    static final int LARGE_WAL_WRITES = 20
    /** A setting every account has (a known key answers 200 with a live session, overridden or not). */
    static final String POINT_READ_KEY = 'backup.max_count'

    String label
    long seed
    int userCount = 3
    Api api
    VaultFiles files
    Path dataDir
    /** SIGKILL the current server (no restart). */
    Closure killServer
    /** Start a new server on the same data directory. */
    Closure restartServer
    Closure<Boolean> serverAlive
    /** Passwords and tokens made here: the spec searches the server logs for them. */
    Set<String> secrets = Collections.synchronizedSet(new HashSet<String>())
    boolean failFast = Boolean.getBoolean('lifecycle.fail-fast')
    int maxViolations = 25
    int integrityEvery = 25
    /** Every this many steps all users get the full check, touched by the step or not. */
    int fullCheckEvery = 10

    final Labels labels = new Labels()
    World model
    final List<String> log = []
    final List<Map> violations = []
    final Map<String, Integer> counts = new TreeMap<>()

    private final ExecutorService pool = Executors.newFixedThreadPool(2) { Runnable r ->
        Thread thread = new Thread(r, 'lifecycle-op')
        thread.daemon = true
        thread
    }
    /** The checks of different users run in parallel: they are independent, and most of a step's time. */
    private ExecutorService checkPool
    private int stepNo
    /** New passwords offered by password changes of this step: a refused change must not have set one. */
    private final List<String> offeredPasswords = []
    private String stepText
    private int markers
    private final Set<String> reported = new HashSet<>()
    private final Set<String> ignoredIds = new HashSet<>()
    private final Map<Integer, Integer> generations = [:]
    private long startedAt

    /** Runs {@code steps} after registering the users; answers the violations (empty when all held). */
    List<Map> run(List<Step> steps) {
        startedAt = System.nanoTime()
        checkPool = Executors.newFixedThreadPool(userCount) { Runnable r ->
            Thread thread = new Thread(r, 'lifecycle-check')
            thread.daemon = true
            thread
        }
        model = new World()
        (0..<userCount).each { slot -> model.users[slot] = new UserState(slot: slot, name: newName(slot)) }
        try {
            stepNo = 0
            stepText = 'register and set up every user'
            runStep(null)
            for (Step step : steps) {
                stepNo++
                stepText = step.toString()
                runStep(step)
                if (violations.size() >= maxViolations || (failFast && violations)) {
                    log << "stopped after ${violations.size()} violation(s)".toString()
                    break
                }
            }
            checkIntegrity('the end')
        } finally {
            pool.shutdownNow()
            checkPool.shutdownNow()
            writeLog()
        }
        violations
    }

    int getStepsRun() { stepNo }

    // ---- one step --------------------------------------------------------------------------------------

    private void runStep(Step step) {
        count('steps')
        offeredPasswords.clear()
        log << "#${stepNo} ${stepText}".toString()
        List<World> worlds = [model.copy()]
        Random local = new Random(seed * 1_000_003L + stepNo)
        boolean killed = false
        Collection<Integer> touched = step == null ? model.users.keySet() : step.ops*.slot.findAll { it >= 0 }.unique()

        touched.each { int slot ->
            if (!worlds[0].user(slot).exists) {
                worlds = stage(worlds, [resolveRegister(worlds[0], slot)], 0)
                worlds = stage(worlds, [resolve(OpSpec.of(OpType.LOGIN, slot, 'right'), worlds[0], local)], 0)
                worlds = stage(worlds, [resolve(OpSpec.of(OpType.SETUP, slot), worlds[0], local)], 0)
            }
            List<String> live = worlds[0].user(slot).liveTokens()
            live.take(Math.max(0, live.size() - 3)).each { String token ->
                worlds = stage(worlds, [logout(worlds[0], slot, token)], 0)
            }
        }
        if (step != null) {
            if (step.ops[0].type == OpType.LARGE_WAL_KILL) {
                killed = true
                worlds = largeWalKill(worlds, step.ops[0].slot, local)
            } else {
                step.ops.findAll { it.type.needsToken() }.each { OpSpec op ->
                    UserState user = worlds[0].user(op.slot)
                    boolean staleAvailable = op.staleToken && user.tokens.any { !it.value.valid }
                    if (!staleAvailable && user.liveTokens().isEmpty()) {
                        worlds = stage(worlds, [resolve(OpSpec.of(OpType.LOGIN, op.slot, 'right'), worlds[0], local)], 0)
                    }
                    if (op.type == OpType.RESTORE && restorable(worlds[0].user(op.slot)).isEmpty()) {
                        worlds = stage(worlds, [resolve(OpSpec.of(OpType.BACKUP, op.slot), worlds[0], local)], 0)
                    }
                    if (op.type == OpType.DOWNLOAD && downloadable(worlds[0].user(op.slot)).isEmpty()) {
                        // A file to download: stored with a live session even when the download uses an ended one.
                        if (worlds[0].user(op.slot).liveTokens().isEmpty()) {
                            worlds = stage(worlds, [resolve(OpSpec.of(OpType.LOGIN, op.slot, 'right'), worlds[0], local)], 0)
                        }
                        worlds = stage(worlds, [resolve(OpSpec.of(OpType.WRITE, op.slot, 'large file'), worlds[0], local)], 0)
                    }
                }
                List<Action> actions = step.ops.collect { resolve(it, worlds[0], local) }
                killed = actions.any { it.type == OpType.KILL }
                worlds = stage(worlds, actions, step.delayMs)
                if (step.race) {
                    count("race ${step.race}")
                }
            }
        }
        if (!serverAlive()) {
            killed = true
        }
        check(worlds, killed, touched)
    }

    /** ~20 writes (so the WAL holds them), SIGKILL, restart, a wrong password first, then the right one. */
    private List<World> largeWalKill(List<World> worlds, int slot, Random local) {
        if (worlds[0].user(slot).liveTokens().isEmpty()) {
            worlds = stage(worlds, [resolve(OpSpec.of(OpType.LOGIN, slot, 'right'), worlds[0], local)], 0)
        }
        LARGE_WAL_WRITES.times {
            worlds = stage(worlds, [resolve(OpSpec.of(OpType.WRITE, slot, 'research'), worlds[0], local)], 0, false)
        }
        log << "   ${LARGE_WAL_WRITES} writes → ${worlds[0].user(slot).must.size()} acknowledged in all".toString()
        worlds = stage(worlds, [resolve(OpSpec.of(OpType.KILL, -1), worlds[0], local)], 0)
        worlds = stage(worlds, [resolve(OpSpec.of(OpType.LOGIN, slot, 'wrong'), worlds[0], local)], 0)
        stage(worlds, [resolve(OpSpec.of(OpType.LOGIN, slot, 'right'), worlds[0], local)], 0)
    }

    /** Runs one or two actions (the second {@code delayMs} after the first) and interprets the answers in every order. */
    private List<World> stage(List<World> worlds, List<Action> actions, int delayMs, boolean logIt = true) {
        count('operations', actions.size())
        if (actions.size() == 2) {
            count('concurrent pairs')
        }
        actions.findAll { it.type == OpType.CHANGE_PASSWORD }.each { offeredPasswords << it.newPassword }
        List<Outcome> outcomes = execute(actions, delayMs)
        countDownload(actions, outcomes)
        actions.eachWithIndex { Action action, int i ->
            if (action.type == OpType.LOGIN && outcomes[i].status == 200 && outcomes[i].json?.token) {
                String token = outcomes[i].json.token
                secrets << token
                labels.name(token, "u${action.slot}.t")
                outcomes[i].body = "token ${labels.of(token)}"
            }
        }
        boolean kill = actions.any { it.type == OpType.KILL }
        boolean died = !kill && !serverAlive()
        if (kill || died) {
            count(kill ? 'kills' : 'server deaths')
            restartServer()
        }
        if (logIt) {
            log << ('   ' + (0..<actions.size()).collect { i ->
                "${i == 1 ? "+${delayMs}ms " : ''}${actions[i]} → ${outcomes[i]}"
            }.join(' || ')).toString()
        }
        def context = new Interpreter.Context(step: stepNo, killed: kill || died, labels: labels,
                raced: actions.size() == 2 && actions[0].slot >= 0 && actions[0].slot == actions[1].slot)
        List<List<Integer>> orders
        if (actions.size() == 1) {
            orders = [[0]]
        } else if (kill) {
            orders = [actions[0].type == OpType.KILL ? [1, 0] : [0, 1]]
        } else if (!context.raced) {
            orders = [[0, 1]]
        } else {
            orders = [[0, 1], [1, 0]]
        }
        List<World> next = []
        worlds.each { World world ->
            orders.each { List<Integer> order ->
                List<World> branch = [world.copy()]
                if (orders.size() > 1) {
                    branch[0].trace << "${actions[order[0]].text} took effect first".toString()
                }
                order.each { int i -> branch = branch.collectMany { Interpreter.apply(it, actions[i], outcomes[i], context) } }
                next.addAll(branch)
            }
        }
        if (died) {
            next.each { World world ->
                world.mismatches << 'answer: the server process exited by itself'.toString()
                Interpreter.apply(world, new Action(type: OpType.KILL, slot: -1, text: 'exit'), new Outcome(status: 0), context)
            }
        }
        // Keep the worlds that explain the most; 64 is far more than the orders of a step ever make.
        next.sort { it.mismatches.size() }.take(64)
    }

    /** How downloads ended, and whether the other operation of their step answered while a whole one was still read. */
    private void countDownload(List<Action> actions, List<Outcome> outcomes) {
        int index = actions.findIndexOf { it.type == OpType.DOWNLOAD }
        if (index < 0) {
            return
        }
        Outcome download = outcomes[index]
        count("downloads ${download.unknown ? 'cut' : download.status}")
        if (actions.size() == 2 && index == 0 && download.status == 200 && outcomes[1].finished) {
            // Still reading when the other answered: with 8 MiB and a paused reader, the server's stream was open
            // then, or had just written its last bytes into the socket buffers.
            String other = "${actions[1].type.name().toLowerCase()} ${outcomes[1].status ?: ''}".trim()
            count(outcomes[1].finished.isBefore(download.finished) ? "downloads still reading when ${other} answered" :
                    "downloads read whole before ${other} answered")
        }
    }

    private List<Outcome> execute(List<Action> actions, int delayMs) {
        if (actions.size() == 1) {
            return [perform(actions[0])]
        }
        Future<Outcome> first = pool.submit({ perform(actions[0]) } as Callable<Outcome>)
        if (delayMs > 0) {
            Thread.sleep(delayMs)
        }
        Future<Outcome> second = pool.submit({ perform(actions[1]) } as Callable<Outcome>)
        [first.get(5, TimeUnit.MINUTES), second.get(5, TimeUnit.MINUTES)]
    }

    private Outcome perform(Action action) {
        Instant started = Instant.now()
        Outcome outcome = performTimed(action)
        outcome.started = started
        outcome.finished = outcome.unknown ? null : Instant.now()
        outcome
    }

    private Outcome performTimed(Action action) {
        try {
            Api.Reply reply
            switch (action.type) {
                case OpType.KILL:
                    killServer()
                    return new Outcome(status: 0, body: 'killed')
                case OpType.LOGIN:
                    reply = api.post('/api/v1/auth/login', [username: action.username, password: action.password])
                    break
                case OpType.LOGOUT:
                    reply = api.post('/api/v1/auth/logout', null, action.token)
                    break
                case OpType.WRITE:
                    if (action.variant == 'research') {
                        reply = api.post('/api/v1/research', [query: action.marker, mode: 'quick'], action.token)
                    } else {
                        def message = [role: 'user', content: action.marker]
                        if (FileBytes.isFile(action.variant)) {
                            // A message with a file: blobs.db grows, so copying and checking it takes a while.
                            byte[] bytes = FileBytes.of(action.marker, action.fileSize)
                            message.files = [[name: 'data.bin', mime: 'application/octet-stream', data: bytes.encodeBase64().toString()]]
                        }
                        reply = api.post("/api/v1/chats/${action.chatId}/messages", message, action.token)
                    }
                    break
                case OpType.CHANGE_PASSWORD:
                    reply = api.post('/api/v1/auth/password', [currentPassword: action.password, newPassword: action.newPassword], action.token)
                    break
                case OpType.BACKUP:
                    reply = api.post('/api/v1/backups', null, action.token)
                    break
                case OpType.RESTORE:
                    reply = api.post("/api/v1/backups/${action.backupName}/restore", [password: action.password], action.token)
                    break
                case OpType.DELETE:
                    reply = api.delete('/api/v1/account', action.token, [password: action.password])
                    break
                case OpType.DOWNLOAD:
                    return SlowDownload.fetch("${api.baseUrl.get()}/api/v1/messages/${action.messageId}/files/0".toString(),
                            action.token, action.pauseMs, FileBytes.of(action.marker ?: '', action.fileSize))
                case OpType.REGISTER:
                    reply = api.register(action.username, action.password)
                    Outcome registered = outcome(reply)
                    if (reply.status == 201) {
                        registered.userId = files.registryRowReadOnly(action.username)?.id
                    }
                    return registered
                case OpType.SETUP:
                    // Automatic backups off (the backup list stays what the schedule made) and room for 30.
                    for (setting in [['backup.enabled', false], ['backup.max_count', Expectations.BACKUP_MAX_COUNT]]) {
                        reply = api.put("/api/v1/settings/${setting[0]}", [value: setting[1]], action.token)
                        if (reply.status != 200) {
                            return outcome(reply)
                        }
                    }
                    reply = api.post('/api/v1/chats', [title: 'lifecycle'], action.token)
                    awaitFirstLoginBackup(action.userId)
                    break
                default:
                    throw new IllegalArgumentException(action.type.name())
            }
            outcome(reply)
        } catch (IOException noAnswer) {
            new Outcome(error: "${noAnswer.class.simpleName}: ${noAnswer.message}".toString())
        }
    }

    /**
     * The first login of an account starts an automatic backup in the background before the setup can turn
     * them off (docs/backups.md). Wait until it is written, or clearly not coming, so its temporary directory
     * is not taken for a leftover; it is listed afterwards as a backup the model cannot account for (opaque).
     */
    private void awaitFirstLoginBackup(String userId) {
        if (userId == null) {
            return
        }
        Path dir = dataDir.resolve('backups').resolve(userId)
        long deadline = System.nanoTime() + 10_000_000_000L
        long quietSince = System.nanoTime()
        while (System.nanoTime() < deadline) {
            List<String> names = list(dir)*.fileName*.toString()
            boolean running = names.any { it.startsWith('.tmp-') }
            if (running) {
                quietSince = System.nanoTime()
            } else if (names || System.nanoTime() - quietSince > 1_000_000_000L) {
                return
            }
            Thread.sleep(25)
        }
    }

    private static Outcome outcome(Api.Reply reply) {
        Object json = null
        try {
            json = reply.json
        } catch (Exception notJson) {
            // a body that is not JSON: kept as text
        }
        new Outcome(status: reply.status, json: json, body: reply.text)
    }

    // ---- choosing tokens, passwords, backups for an operation -----------------------------------------

    private Action resolve(OpSpec op, World world, Random local) {
        if (op.type == OpType.KILL) {
            return new Action(type: OpType.KILL, slot: -1, text: 'SIGKILL+restart')
        }
        UserState user = world.user(op.slot)
        def action = new Action(type: op.type, slot: op.slot, variant: op.variant, username: user.name, chatId: user.chatId)
        String who = "u${op.slot}"
        switch (op.type) {
            case OpType.LOGIN:
                action.password = op.variant == 'right' ? user.password
                        : op.variant == 'old' && user.oldPasswords ? user.oldPasswords.last() : wrongPassword()
                action.text = "${who}.login(${op.variant} ${labels.of(action.password)})"
                break
            case OpType.WRITE:
                action.token = token(user, op.staleToken)
                action.marker = "${user.name}/${[research: 'r', message: 'm', file: 'f', 'large file': 'F'][op.variant]}${++markers}".toString()
                action.fileSize = FileBytes.isFile(op.variant) ? FileBytes.sizeOf(op.variant) : 0
                action.text = "${who}.write(${op.variant} ${action.marker.substring(user.name.length() + 1)}, ${labels.of(action.token)})"
                break
            case OpType.CHANGE_PASSWORD:
                action.token = token(user, op.staleToken)
                action.password = user.password
                action.newPassword = newPassword(op.slot)
                action.text = "${who}.changePassword(${labels.of(action.token)}, ${labels.of(action.password)}→${labels.of(action.newPassword)})"
                break
            case OpType.BACKUP:
                action.token = token(user, op.staleToken)
                action.text = "${who}.backup(${labels.of(action.token)})"
                break
            case OpType.RESTORE:
                action.token = token(user, op.staleToken)
                action.password = user.password
                List<String> names = restorable(user)
                if (names.isEmpty()) {
                    action.backupName = '20000101T000000000Z'
                } else if (op.variant == 'older' && names.size() > 1) {
                    action.backupName = names[local.nextInt(names.size() - 1)]
                } else {
                    action.backupName = names.last()
                }
                action.text = "${who}.restore(${op.variant ?: ''} ${action.backupName} [${user.backups[action.backupName]}], ${labels.of(action.token)}, ${labels.of(action.password)})"
                break
            case OpType.DELETE:
                action.token = token(user, op.staleToken)
                action.password = user.password
                action.text = "${who}.delete(${labels.of(action.token)}, ${labels.of(action.password)})"
                break
            case OpType.LOGOUT:
                return logout(world, op.slot, token(user, op.staleToken))
            case OpType.DOWNLOAD:
                action.token = token(user, op.staleToken)
                Map.Entry<String, StoredFile> file = pickFile(user, local)
                action.marker = file?.key
                // No file (storing one failed): a message that does not exist, 404 (or 401).
                action.messageId = file?.value?.messageId ?: UUID.randomUUID().toString()
                action.fileSize = file?.value?.size ?: 0
                action.pauseMs = 150 + local.nextInt(601)
                String what = file ? "${file.key.substring(user.name.length() + 1)} ${file.value.size >> 20} MiB" : 'no file'
                action.text = "${who}.download(${what}, pause ${action.pauseMs} ms, ${labels.of(action.token)})"
                break
            case OpType.SETUP:
                action.token = token(user, false)
                action.userId = user.userId
                action.text = "${who}.setup(${labels.of(action.token)})"
                break
            default:
                throw new IllegalArgumentException(op.type.name())
        }
        action
    }

    private Action resolveRegister(World world, int slot) {
        UserState user = world.user(slot)
        def action = new Action(type: OpType.REGISTER, slot: slot, username: user.name, password: newPassword(slot))
        action.text = "u${slot}.register(${user.name}, ${labels.of(action.password)})"
        action
    }

    private Action logout(World world, int slot, String token) {
        new Action(type: OpType.LOGOUT, slot: slot, username: world.user(slot).name, token: token,
                text: "u${slot}.logout(${labels.of(token)})")
    }

    /** Files of messages the vault must hold. */
    private static List<String> downloadable(UserState user) {
        user.files.keySet().findAll { it in user.must }.toList()
    }

    /** Mostly a file the vault holds; one in six a file a restore removed (404), when there is one. */
    private static Map.Entry<String, StoredFile> pickFile(UserState user, Random local) {
        List<String> held = downloadable(user)
        List<String> gone = user.files.keySet().findAll { !(it in user.must) && !(it in user.maybe) }.toList()
        List<String> from = gone && (held.isEmpty() || local.nextInt(6) == 0) ? gone : held
        String marker = from ? from[local.nextInt(from.size())] : null
        marker == null ? null : user.files.find { it.key == marker }
    }

    private static List<String> restorable(UserState user) {
        user.backups.findAll { !it.value.opaque }.keySet().toList()
    }

    private String token(UserState user, boolean stale) {
        if (stale) {
            List<String> ended = user.tokens.findAll { !it.value.valid }.keySet().toList()
            if (ended) {
                return ended.last()
            }
        }
        List<String> live = user.liveTokens()
        live ? live.last() : (user.tokens ? user.tokens.keySet().last() : null)
    }

    private String newPassword(int slot) {
        String password = "pw-${UUID.randomUUID()}".toString()
        secrets << password
        labels.name(password, "u${slot}.pw")
        password
    }

    private String wrongPassword() {
        String password = "wrong-${UUID.randomUUID()}".toString()
        secrets << password
        labels.name(password, 'wrong')
        password
    }

    private String newName(int slot) {
        int generation = generations.merge(slot, 1, Integer::sum)
        "${label}-u${slot}${generation > 1 ? "-g${generation}" : ''}-${UUID.randomUUID().toString().take(6)}".toString()
    }

    // ---- checks after a step ---------------------------------------------------------------------------

    private void check(List<World> worlds, boolean killed, Collection<Integer> touched) {
        Map<Integer, Future<Observation>> pending = model.users.keySet().collectEntries { int slot ->
            boolean full = killed || slot in touched || stepNo % fullCheckEvery == 0
            [(slot): checkPool.submit({ observe(slot, worlds, full) } as Callable<Observation>)]
        }
        Map<Integer, Observation> seen = new TreeMap<>(pending.collectEntries { slot, future -> [(slot): future.get(10, TimeUnit.MINUTES)] })
        Map<World, List<String>> explained = worlds.collectEntries { World world ->
            List<String> all = new ArrayList<>(world.mismatches)
            seen.each { slot, observation ->
                // Named by account, so the same defect of another account is not taken for a repeat.
                String who = "[u${slot} ${world.user(slot).name}] "
                all.addAll((observation.problems + Interpreter.observed(world, slot, observation, labels)).collect { who + it })
            }
            [(world): all]
        }
        List<World> consistent = worlds.findAll { explained[it].isEmpty() }
        log << "   checked: ${seen.collect { slot, o -> "u${slot} ${summary(o)}" }.join('; ')}".toString()
        if (consistent) {
            model = Interpreter.settle(consistent, seen)
        } else {
            World best = worlds.min { explained[it].size() }
            // The same defect seen again (an ended token checked again) is reported once.
            List<String> fresh = explained[best].unique().findAll { reported.add("detail ${it}".toString()) }
            if (fresh) {
                violation(fresh, best.trace)
            } else {
                log << "   (seen before: ${explained[best].size()} point(s) already reported)".toString()
            }
            model = resync(best, seen)
        }
        checkFiles()
        if (killed || (stepNo > 0 && stepNo % integrityEvery == 0)) {
            checkIntegrity(killed ? 'the restart' : "step ${stepNo}")
        }
    }

    private static String summary(Observation o) {
        String logins = o.logins.collect { "${it.label}:${it.status}" }.join(' ')
        String tokens = o.tokens.isEmpty() ? '' : " tokens ${o.tokens.values().countBy { it }.collect { s, n -> "${n}×${s}" }.join(',')}"
        String content = o.content == null ? '' : " ${o.content.size()} writes, ${o.backups?.size()} backups"
        "${logins}${tokens}${content}"
    }

    /**
     * What the server says now about one user. Full: every token that was or became live in the step and two
     * ended ones, the current password(s) of every world, the two previous passwords and a wrong one. Light
     * (a user the step did not touch, no kill): one live token, the current password and a wrong one.
     */
    private Observation observe(int slot, List<World> worlds, boolean full) {
        count(full ? 'full checks' : 'light checks')
        def seen = new Observation()
        List<UserState> versions = worlds.collect { it.user(slot) }
        UserState before = model.user(slot)
        LinkedHashSet<String> tokens = new LinkedHashSet<>()
        if (full) {
            tokens.addAll(before.liveTokens())
            versions.each { UserState user -> user.tokens.each { token, state -> if (state.valid || !before.tokens.containsKey(token)) { tokens << token } } }
            List<String> ended = before.tokens.findAll { !it.value.valid }.keySet().toList()
            if (ended) {
                tokens << ended.last()
                tokens << ended[stepNo % ended.size()]
            }
        } else if (before.liveTokens()) {
            tokens << before.liveTokens().last()
        }
        tokens.each { String token ->
            seen.tokens[token] = status { api.get('/api/v1/research?size=1', token) }
            // A point read is answered on the event loop when the vault is open and nothing would wait, on the
            // blocking executor otherwise (architecture.md, "Point reads on the event loop"): whichever path
            // a state after kills, restores and password changes sends it down, it must judge the token as the
            // list on the executor just did.
            int pointRead = status { api.get("/api/v1/settings/${POINT_READ_KEY}", token) }
            if (pointRead != seen.tokens[token]) {
                seen.problems << ("I3: token ${labels.of(token)} answered ${pointRead} on GET /api/v1/settings/" +
                        "${POINT_READ_KEY} (a point read) but ${seen.tokens[token]} on GET /api/v1/research").toString()
            }
            count('token checks')
        }

        List<String> candidates = versions.findAll { it.exists }*.password.unique().sort { labels.age(it) }
        String name = versions[0].name
        List<String> offered = offeredPasswords.findAll { String password -> labels.of(password).startsWith("u${slot}.") }
        ([before.password] + offered + (full ? before.oldPasswords.reverse().take(2) : [])).each {
            if (it != null && !(it in candidates)) { candidates << it }
        }
        candidates << wrongPassword()
        candidates.each { String password ->
            Api.Reply reply = null
            int status = status { reply = api.post('/api/v1/auth/login', [username: name, password: password]); reply }
            String token = status == 200 ? reply.json.token : null
            if (token) {
                secrets << token
            }
            seen.logins << new Observation.Login(password: password, label: labels.of(password), status: status, token: token)
            count('password checks')
        }
        List<Observation.Login> opened = seen.opened
        if (opened) {
            String token = opened[0].token
            try {
                seen.content = content(versions[0].chatId, token, seen)
                Api.Reply backups = api.get('/api/v1/backups', token)
                if (backups.status == 200) {
                    seen.backups = backups.json*.name
                    seen.automaticBackups = backups.json.findAll { it.kind == 'automatic' }*.name as Set
                } else {
                    seen.problems << "B: GET /api/v1/backups answered ${backups.status}".toString()
                }
                count('content checks')
            } catch (IOException failed) {
                seen.problems << "I2: reading the content failed: ${failed}".toString()
            }
            opened.each { login -> status { api.post('/api/v1/auth/logout', null, login.token) } }
        }
        seen
    }

    private Set<String> content(String chatId, String token, Observation seen) {
        Set<String> markers = new HashSet<>()
        for (int page = 0; ; page++) {
            Api.Reply reply = api.get("/api/v1/research?page=${page}&size=200", token)
            if (reply.status != 200) {
                seen.problems << "I2: GET /api/v1/research with a fresh session of the password that opens the account answered ${reply}".toString()
                seen.unusable = "GET /api/v1/research answered ${reply.status}"
                return null
            }
            markers.addAll(reply.json.items*.query)
            if (reply.json.items.size() < 200) {
                break
            }
        }
        if (chatId == null) {
            return markers
        }
        for (int page = 0; ; page++) {
            Api.Reply reply = api.get("/api/v1/chats/${chatId}/messages?page=${page}&size=200", token)
            if (reply.status != 200) {
                seen.problems << "I2: the user's chat answered ${reply} (messages unreadable)".toString()
                seen.unusable = "its chat answered ${reply.status}"
                return null
            }
            markers.addAll(reply.json.items*.content)
            if (reply.json.items.size() < 200) {
                break
            }
        }
        markers
    }

    private static int status(Closure<Api.Reply> request) {
        try {
            request().status
        } catch (IOException noAnswer) {
            -1
        }
    }

    /** After a violation: the best world, made to agree with what was seen; an account no single password opens is given up. */
    private World resync(World best, Map<Integer, Observation> seen) {
        World world = Interpreter.settle([best], seen)
        world.users.each { slot, user ->
            List<String> opened = seen[slot].opened*.password
            if (seen[slot].unusable) {
                retire(user, "a fresh session of the password that opens it cannot read it: ${seen[slot].unusable}")
                return
            }
            if (user.exists && user.password in opened) {
                return
            }
            if (opened.size() == 1) {
                user.exists = true
                user.password = opened[0]
                if (user.userId) {
                    user.deletedIds.remove(user.userId)
                }
            } else if (user.exists || opened) {
                retire(user, opened ? 'several passwords open it' : 'no password opens it')
            }
        }
        world
    }

    private void retire(UserState user, String why) {
        log << "   giving up ${user.name} (${why}); a new account takes slot u${user.slot}".toString()
        if (user.exists && user.password != null && !why.contains('integrity_check')) {
            // Evidence for the report: what the files say, opened from outside (registry.db's KDF row) with the
            // model's password and with any password a change of this step offered.
            List<String> passwords = ([user.password] + offeredPasswords.findAll { labels.of(it).startsWith("u${user.slot}.") }).unique()
            passwords.each { String password ->
                def probe = new UserState(name: user.name, password: password)
                String answers = ['vault.db', 'blobs.db'].collect { String file -> "${file}: ${outsideIntegrity(probe, file).take(2)}" }.join('; ')
                String evidence = "evidence: ${user.name} opened from outside with ${labels.of(password)}: ${answers}"
                log << "   ${evidence}".toString()
                if (violations && violations.last().step == stepNo) {
                    violations.last().details.add(evidence)
                }
            }
        }
        count('accounts given up')
        if (user.userId) {
            ignoredIds << user.userId
        }
        user.name = newName(user.slot)
        user.exists = false
        user.userId = null
        user.password = null
        user.oldPasswords = []
        user.tokens.clear()
        user.must.clear()
        user.maybe.clear()
        user.contentUnknown = false
        user.backups.clear()
        user.files.clear()
        user.chatId = null
    }

    /** No staged copies or temporary backups left behind; nothing left of an acknowledged delete. */
    private void checkFiles() {
        count('file scans')
        Set<String> ids = new HashSet<>()
        model.users.values().each { user ->
            if (user.userId) { ids << user.userId }
            ids.addAll(user.deletedIds.keySet())
        }
        (ids - ignoredIds).each { String id ->
            [(dataDir.resolve('users').resolve(id)): false, (dataDir.resolve('backups').resolve(id)): true].each { Path dir, boolean inBackups ->
                list(dir).findAll { Expectations.isLeftover(it.fileName.toString(), inBackups) }.each { Path leftover ->
                    once("leftover ${leftover}") {
                        violation(["I5: left behind after the step: ${dataDir.relativize(leftover)}".toString()], [])
                    }
                }
            }
        }
        model.users.values().each { user ->
            user.deletedIds.findAll { !(it.key in ignoredIds) }.each { String id, boolean acknowledged ->
                List<Path> remains = Files.walk(dataDir).withCloseable { stream ->
                    stream.filter { it.toString().contains(id) }.collect()
                } as List<Path>
                if (!acknowledged) {
                    remains = remains.findAll { !dataDir.relativize(it).toString().startsWith('quarantine') }
                }
                if (remains && (acknowledged ? Expectations.ACKNOWLEDGED_DELETE_LEAVES_NOTHING : true)) {
                    once("deleted ${id}") {
                        violation(["I5: files of the deleted account ${id} remain: ${remains.take(4).collect { dataDir.relativize(it) }}".toString()], [])
                    }
                }
            }
        }
    }

    private static List<Path> list(Path dir) {
        if (!Files.isDirectory(dir)) {
            return []
        }
        Files.list(dir).withCloseable { it.collect() } as List<Path>
    }

    /** PRAGMA integrity_check of both files of every live account, read-only from outside, with the current password. */
    private void checkIntegrity(String when) {
        model.users.values().findAll { it.exists }.each { UserState user ->
            for (String file : ['vault.db', 'blobs.db']) {
                count('integrity checks')
                List<String> answer = outsideIntegrity(user, file)
                if (answer != ['ok']) {
                    violation(["I4: ${file} of u${user.slot} (${user.name}) at ${when}, opened from outside with ${labels.of(user.password)}: ${answer.take(3)}".toString()], [])
                    retire(user, "its ${file} fails integrity_check")
                    break
                }
            }
        }
    }

    private List<String> outsideIntegrity(UserState user, String file) {
        try {
            files.integrityCheckReadOnly(user.name, user.password, file)
        } catch (Throwable failure) {
            ["${failure.class.simpleName}: ${failure.message?.readLines()?.find() ?: ''}".toString()]
        }
    }

    private void once(String key, Closure action) {
        if (reported.add(key)) {
            action()
        }
    }

    private void violation(List<String> details, List<String> trace) {
        count('violations')
        violations << [step: stepNo, text: stepText, details: details, trace: trace]
        details.each { log << "   !! ${it}".toString() }
        trace.each { log << "      (order: ${it})".toString() }
    }

    private void count(String what, int n = 1) {
        synchronized (counts) {
            counts.merge(what, n, Integer::sum)
        }
    }

    @Override
    String toString() { "LifecycleRun ${label} seed ${seed}" }

    double getSeconds() { (System.nanoTime() - startedAt) / 1e9 }

    Path getLogFile() { OUT_DIR.resolve("${label}-seed${seed}.log") }

    private void writeLog() {
        Files.createDirectories(OUT_DIR)
        Files.write(logFile, ((["seed ${seed}, ${stepNo} steps, ${violations.size()} violation(s), ${String.format('%.1f', seconds)} s",
                                "counts ${counts}"] + log).join('\n') + '\n').getBytes('UTF-8'))
    }

    /** The steps run up to the first violation (all of them when there is none), one line each. */
    List<String> stepsSoFar() {
        int last = violations ? violations[0].step as int : stepNo
        log.findAll { it.startsWith('#') }.findAll { (it.substring(1).takeWhile { c -> c != ' ' } as int) <= last }
    }

    /** The failure message: seed, how to replay, every violation with its step, and the steps before the first. */
    String report() {
        def text = new StringBuilder()
        text << "${label}: ${violations.size()} violation(s) in ${stepNo} steps, seed ${seed} " <<
                "(replay: -Dlifecycle.seed=${seed} -Dlifecycle.steps=${stepNo}); full step list in ${logFile}\n"
        violations.each { v ->
            text << "  step #${v.step} ${v.text}\n"
            v.details.each { text << "    - ${it}\n" }
            v.trace.each { text << "      order: ${it}\n" }
        }
        if (violations) {
            int first = violations[0].step as int
            int from = log.findIndexOf { it.startsWith("#${Math.max(0, first - 5)} ") }
            int to = log.findIndexOf { it.startsWith("#${first + 1} ") }
            text << "  steps #${Math.max(0, first - 5)}..#${first}:\n"
            log.subList(Math.max(0, from), to < 0 ? log.size() : to).each { text << "    ${it}\n" }
        }
        text.toString()
    }
}
