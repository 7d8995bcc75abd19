package dev.researchvault.application.account

import dev.researchvault.application.support.InMemorySessionStore

import java.time.Clock

class InMemorySessionStoreSpec extends SessionStoreContractSpec {

    InMemorySessionStore fake = new InMemorySessionStore(Clock.systemUTC())

    @Override
    SessionStore store() {
        fake
    }
}
