package dev.researchvault.application.vault

import java.lang.reflect.Method

/**
 * A port over a fake that fails each of its writes made outside a transaction of {@link RecordingTransactions}: a
 * service spec over it checks that every use case writes under the vault's writer turn, as {@link Transactions}
 * requires of every write, even a single statement.
 */
class WritesInTransaction {

    private WritesInTransaction() {
    }

    /** {@code fake} as a {@code port} whose methods named in {@code writes} must run in a transaction. */
    static <P> P of(Class<P> port, P fake, Collection<String> writes) {
        assert writes.every { name -> port.methods*.name.contains(name) }: 'a write the port does not have'
        PortProxy.of(port) { Method method ->
            if (method.name in writes && !RecordingTransactions.active()) {
                throw new AssertionError("${port.simpleName}.${method.name} outside a transaction")
            }
            fake
        }
    }
}
