package dev.researchvault.reliability.lifecycle

import groovy.transform.Immutable

/**
 * What a step can do. REGISTER and SETUP are inserted by the engine as preparation, never drawn by a schedule;
 * LOGOUT is both (surplus sessions; the download steps). DOWNLOAD streams a stored file slowly ({@link SlowDownload}).
 */
enum OpType {
    LOGIN, WRITE, CHANGE_PASSWORD, BACKUP, RESTORE, DELETE, KILL, LARGE_WAL_KILL,
    REGISTER, SETUP, LOGOUT, DOWNLOAD

    boolean needsToken() { this in [WRITE, CHANGE_PASSWORD, BACKUP, RESTORE, DELETE, SETUP, LOGOUT, DOWNLOAD] }
}

/**
 * One operation of a schedule, abstract: which user ("slot"), what kind, and a variant (login right / wrong /
 * old; write research / message; restore latest / older). Tokens, passwords and backup names are chosen when
 * the step runs, from the model, so a schedule is the same list of steps whatever the server answered.
 */
@Immutable
class OpSpec {
    OpType type
    int slot
    String variant
    boolean staleToken

    static OpSpec of(OpType type, int slot, String variant = null, boolean staleToken = false) {
        new OpSpec(type: type, slot: slot, variant: variant, staleToken: staleToken)
    }

    @Override
    String toString() {
        String who = slot >= 0 ? "u${slot}." : ''
        "${who}${type.name().toLowerCase()}${variant ? "(${variant})" : ''}${staleToken ? '[stale token]' : ''}"
    }
}

/** One step: one operation, or two started on their own threads {@code delayMs} apart. */
@Immutable
class Step {
    List<OpSpec> ops
    int delayMs
    /** The named race of issue 12 this step is, or null. */
    String race

    static Step single(OpSpec op) { new Step(ops: [op], delayMs: 0, race: null) }

    static Step pair(OpSpec first, OpSpec second, int delayMs, String race = null) {
        new Step(ops: [first, second], delayMs: delayMs, race: race)
    }

    @Override
    String toString() {
        String body = ops.size() == 1 ? ops[0].toString() : "${ops[0]} || +${delayMs}ms ${ops[1]}"
        race ? "[${race}] ${body}" : body
    }
}

/**
 * Seeded random schedules. A step depends only on the seed and its index, so -Dlifecycle.seed=S replays the
 * same steps (the server's timing may still differ: the races are real races).
 */
class Schedule {

    static final String RACE_CHANGE_RESTORE = 'changePassword||restore'
    static final String RACE_LOGIN_OLD_CHANGE = 'login(old)||changePassword'
    static final String RACE_LOGIN_DELETE = 'login||delete'
    static final String RACE_LARGE_WAL = 'SIGKILL with a large WAL, then a wrong password'
    static final String RACE_DOWNLOAD = 'download||'

    /** Share of steps that kill the server (alone, during another operation, or after ~20 writes). */
    static final double P_KILL = 0.025
    /** Share of steps that are one of the named races of issue 12. */
    static final double P_RACE = 0.12
    /** Share of steps that are a slow download of a stored file paired with an operation that ends or replaces its vault. */
    static final double P_DOWNLOAD = 0.12
    /**
     * What a download races, with weights (of 12): the operations that end its session, replace or delete its
     * files, copy them, or kill the server under it.
     */
    static final List<OpType> DOWNLOAD_PARTNERS = [OpType.CHANGE_PASSWORD] * 3 + [OpType.RESTORE] * 3 + [OpType.DELETE] +
            [OpType.LOGOUT] * 2 + [OpType.BACKUP] * 2 + [OpType.KILL]

    static List<Step> random(long seed, int count, int users) {
        Random random = new Random(seed)
        (0..<count).collect { next(random, users) }
    }

    static Step next(Random random, int users) {
        double x = random.nextDouble()
        int slot = random.nextInt(users)
        if (x < P_KILL) {
            double kind = random.nextDouble()
            if (kind < 0.3) {
                return new Step(ops: [OpSpec.of(OpType.LARGE_WAL_KILL, slot)], delayMs: 0, race: RACE_LARGE_WAL)
            }
            if (kind < 0.55) {
                return Step.single(OpSpec.of(OpType.KILL, -1))
            }
            return Step.pair(randomOp(random, slot), OpSpec.of(OpType.KILL, -1), random.nextInt(31))
        }
        if (x < P_KILL + P_RACE) {
            switch (random.nextInt(3)) {
                case 0:
                    // The restore starts 10–20 ms after the change, on the same token, with the password that
                    // is current before the change.
                    return Step.pair(OpSpec.of(OpType.CHANGE_PASSWORD, slot), OpSpec.of(OpType.RESTORE, slot, 'latest'),
                            10 + random.nextInt(11), RACE_CHANGE_RESTORE)
                case 1:
                    // The login offers the password the change is replacing.
                    return ordered(random, OpSpec.of(OpType.LOGIN, slot, 'right'), OpSpec.of(OpType.CHANGE_PASSWORD, slot),
                            random.nextInt(31), RACE_LOGIN_OLD_CHANGE)
                default:
                    return ordered(random, OpSpec.of(OpType.LOGIN, slot, 'right'), OpSpec.of(OpType.DELETE, slot),
                            random.nextInt(31), RACE_LOGIN_DELETE)
            }
        }
        if (x < P_KILL + P_RACE + P_DOWNLOAD) {
            return downloadRace(random, slot)
        }
        OpSpec first = randomOp(random, slot)
        if (random.nextDouble() < 0.4) {
            return Step.single(first)
        }
        int other = random.nextDouble() < 0.7 ? slot : random.nextInt(users)
        Step.pair(first, randomOp(random, other), random.nextInt(31))
    }

    /**
     * A download of one of the user's files and an operation of the same user (or a SIGKILL): half the time
     * 0–30 ms later (which request the server takes first is a race), half 60–200 ms later, once the download's
     * first bytes have come and the client pauses mid-body (150–750 ms after them). One in four the other way
     * round: the download starts 0–30 ms after the operation.
     */
    private static Step downloadRace(Random random, int slot) {
        OpSpec download = OpSpec.of(OpType.DOWNLOAD, slot, null, random.nextDouble() < 0.08)
        OpType partner = DOWNLOAD_PARTNERS[random.nextInt(DOWNLOAD_PARTNERS.size())]
        OpSpec other = partner == OpType.KILL ? OpSpec.of(OpType.KILL, -1) :
                OpSpec.of(partner, slot, partner == OpType.RESTORE ? (random.nextBoolean() ? 'latest' : 'older') : null)
        String race = "${RACE_DOWNLOAD}${partner.name().toLowerCase()}"
        if (partner == OpType.KILL || random.nextDouble() < 0.75) {
            return Step.pair(download, other, random.nextBoolean() ? random.nextInt(31) : 60 + random.nextInt(141), race)
        }
        Step.pair(other, download, random.nextInt(31), race)
    }

    private static Step ordered(Random random, OpSpec a, OpSpec b, int delayMs, String race) {
        random.nextBoolean() ? Step.pair(a, b, delayMs, race) : Step.pair(b, a, delayMs, race)
    }

    /** login 18, write 34, changePassword 9, backup 14, restore 14, delete 3 (of 92). */
    static OpSpec randomOp(Random random, int slot) {
        int x = random.nextInt(92)
        boolean stale = random.nextDouble() < 0.08
        if (x < 18) {
            double kind = random.nextDouble()
            return OpSpec.of(OpType.LOGIN, slot, kind < 0.4 ? 'right' : kind < 0.7 ? 'wrong' : 'old')
        }
        if (x < 52) {
            return OpSpec.of(OpType.WRITE, slot, random.nextDouble() < 0.6 ? 'research' : 'message', stale)
        }
        if (x < 61) {
            return OpSpec.of(OpType.CHANGE_PASSWORD, slot, null, stale)
        }
        if (x < 75) {
            return OpSpec.of(OpType.BACKUP, slot, null, stale)
        }
        if (x < 89) {
            return OpSpec.of(OpType.RESTORE, slot, random.nextBoolean() ? 'latest' : 'older', stale)
        }
        OpSpec.of(OpType.DELETE, slot, null, stale)
    }
}
