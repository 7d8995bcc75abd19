package dev.researchvault.application.support

import dev.researchvault.application.account.Session
import dev.researchvault.domain.account.UserId
import dev.researchvault.domain.account.Username
import dev.researchvault.domain.vault.MasterKey

import java.time.Instant

/** Sessions for service specs: a new user each, with a key of its own, that never expires. */
class TestSessions {

    private TestSessions() {
    }

    static Session of(String name) {
        new Session('token-' + name, UserId.random(), new Username(name), new MasterKey(new byte[32]), 0,
                Instant.EPOCH, Instant.MAX)
    }
}
