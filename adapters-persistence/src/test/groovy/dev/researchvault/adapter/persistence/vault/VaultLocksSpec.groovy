package dev.researchvault.adapter.persistence.vault

import dev.researchvault.domain.UnavailableException
import dev.researchvault.domain.account.UserId
import spock.lang.Specification

import java.time.Duration

class VaultLocksSpec extends Specification {

    def "a held read lock keeps out the write side, across garbage collections"() {
        given: 'a request holds the read side; nothing else references the lock'
        def locks = new VaultLocks(Duration.ofMillis(200))
        def user = UserId.random()
        def shared = locks.shared(user)

        when: 'the collector runs (a weakly held lock would be dropped and a fresh one handed out)'
        5.times { System.gc(); Thread.sleep(20) }
        locks.exclusive(user)

        then:
        def busy = thrown(UnavailableException)
        busy.code() == 'vault.busy'

        cleanup:
        shared.close()
    }
}
