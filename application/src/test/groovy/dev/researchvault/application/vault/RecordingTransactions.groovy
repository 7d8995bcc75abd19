package dev.researchvault.application.vault

import java.util.function.Supplier

/**
 * {@link InMemoryTransactions} that know whether the current thread runs inside one: a fake can then refuse a
 * write made outside a transaction, which on SQLite would skip the vault's writer turn ({@link Transactions}).
 */
class RecordingTransactions extends InMemoryTransactions {

    private static final ThreadLocal<Integer> DEPTH = ThreadLocal.withInitial { 0 }

    /** Whether the current thread is inside {@link #inTransaction} (of any instance). */
    static boolean active() {
        DEPTH.get() > 0
    }

    @Override
    <T> T inTransaction(Supplier<T> work) {
        DEPTH.set(DEPTH.get() + 1)
        try {
            super.inTransaction(work)
        } finally {
            DEPTH.set(DEPTH.get() - 1)
        }
    }
}
