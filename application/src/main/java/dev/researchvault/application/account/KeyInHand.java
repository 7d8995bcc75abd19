package dev.researchvault.application.account;

import dev.researchvault.domain.vault.MasterKey;

/**
 * A derived key a login still owns: closing wipes it unless it was handed over to the session store. Every
 * way out of a login — a wrong password, a 503, a deletion — then wipes the key; a 503 once left it in the
 * heap (LoginSpec, "... answers 503 and wipes the key it derived").
 */
final class KeyInHand implements AutoCloseable {

    private MasterKey key;

    KeyInHand(MasterKey key) {
        this.key = key;
    }

    MasterKey key() {
        return key;
    }

    /** The key, now owned by the caller (the session store); closing no longer wipes it. */
    MasterKey handOver() {
        MasterKey owned = key;
        key = null;
        return owned;
    }

    @Override
    public void close() {
        if (key != null) {
            key.destroy();
        }
    }
}
