package dev.researchvault.bootstrap;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.researchvault.adapter.http.session.CaffeineSessionStore;
import dev.researchvault.adapter.http.session.SessionConfiguration;
import dev.researchvault.adapter.persistence.vault.VaultConfiguration;
import dev.researchvault.application.account.AccountLifecycle;
import dev.researchvault.application.account.AccountService;
import dev.researchvault.application.account.FailedLoginPadding;
import dev.researchvault.application.account.LoginThrottle;
import dev.researchvault.application.account.OrphanCleanup;
import dev.researchvault.application.account.PasswordProof;
import dev.researchvault.application.backup.BackupService;
import dev.researchvault.application.blob.LegacyMigrationOnLogin;
import dev.researchvault.application.vault.VaultScope;
import dev.researchvault.domain.account.AccountRegistry;
import dev.researchvault.domain.vault.VaultKeys;
import dev.researchvault.domain.vault.VaultMetadata;
import dev.researchvault.domain.vault.Vaults;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;

/** Wires the account use cases: the application core knows no framework, so it is assembled here. */
@Factory
public class AccountWiring {

    @Singleton
    CaffeineSessionStore sessionStore(SessionConfiguration configuration, Clock clock, Vaults vaults) {
        // When a user's last session ends their key is wiped, so their open vault is closed too.
        return new CaffeineSessionStore(configuration, clock, Ticker.systemTicker(), vaults::close);
    }

    @Singleton
    LoginThrottle loginThrottle(@Value("${login.max-failures:5}") int maxFailures,
                                @Value("${login.max-failures-per-account:20}") int maxPerAccount,
                                @Value("${login.lockout:15m}") Duration lockout,
                                @Value("${login.slowdown:5s}") Duration slowdown,
                                @Value("${login.max-wait:10s}") Duration maxWait, Clock clock) {
        return new LoginThrottle(new LoginThrottle.Limits(maxFailures, maxPerAccount, lockout, slowdown, maxWait),
                clock);
    }

    /** One lock and key generation per account; waits as long as the vault engine's own locks do. */
    @Singleton
    AccountLifecycle accountLifecycle(VaultConfiguration configuration) {
        return new AccountLifecycle(configuration.getLockTimeout());
    }

    @Singleton
    OrphanCleanup orphanCleanup(AccountRegistry registry, Vaults vaults) {
        return new OrphanCleanup(registry, vaults);
    }

    @Singleton
    PasswordProof passwordProof(AccountRegistry registry, VaultKeys keys, LoginThrottle throttle) {
        return new PasswordProof(registry, keys, throttle);
    }

    @Singleton
    AccountService accountService(AccountRegistry registry, Vaults vaults, VaultKeys keys,
                                  CaffeineSessionStore sessions, LoginThrottle throttle, VaultScope vaultScope,
                                  VaultMetadata metadata, BackupService backups,
                                  LegacyMigrationOnLogin legacyFileMigration, AccountLifecycle lifecycle,
                                  Clock clock) {
        return new AccountService(new AccountService.Collaborators(registry, vaults, keys, sessions, throttle,
                vaultScope, metadata, AccountEventsFanOut.of(backups, legacyFileMigration), lifecycle, clock,
                FailedLoginPadding.system()));
    }
}
