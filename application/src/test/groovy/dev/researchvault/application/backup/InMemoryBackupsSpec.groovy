package dev.researchvault.application.backup

import dev.researchvault.application.support.InMemoryBackups
import dev.researchvault.application.vault.VaultOwner
import dev.researchvault.domain.account.UserId
import dev.researchvault.domain.backup.Backups
import dev.researchvault.domain.vault.MasterKey

import java.security.SecureRandom
import java.time.Clock

class InMemoryBackupsSpec extends BackupsContractSpec {

    InMemoryBackups fake = new InMemoryBackups(Clock.systemUTC())

    @Override
    Backups getBackups() {
        fake
    }

    @Override
    VaultOwner newOwner() {
        byte[] key = new byte[32]
        new SecureRandom().nextBytes(key)
        VaultOwner.of(UserId.random(), new MasterKey(key))
    }

    @Override
    void writeNote(VaultOwner owner, String note) {
        fake.live[owner.userId()] = note
    }

    @Override
    Optional<String> readNote(VaultOwner owner) {
        Optional.ofNullable(fake.live[owner.userId()])
    }
}
