package dev.researchvault.bootstrap;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.researchvault.adapter.persistence.session.CaffeineSessionStore;
import dev.researchvault.adapter.persistence.session.SessionConfiguration;
import dev.researchvault.adapter.persistence.vault.VaultConfiguration;
import dev.researchvault.application.account.AccountLifecycle;
import dev.researchvault.application.account.AccountEvents;
import dev.researchvault.application.account.AccountState;
import dev.researchvault.application.account.ChangePassword;
import dev.researchvault.application.account.ClosedRegistration;
import dev.researchvault.application.account.ChangePasswordUseCase;
import dev.researchvault.application.account.DeleteAccount;
import dev.researchvault.application.account.ReadAccount;
import dev.researchvault.application.account.ReadAccountUseCase;
import dev.researchvault.application.account.DeleteAccountUseCase;
import dev.researchvault.application.account.FailedLoginPadding;
import dev.researchvault.application.account.Login;
import dev.researchvault.application.account.LoginRecords;
import dev.researchvault.application.account.LoginThrottle;
import dev.researchvault.application.account.LoginUseCase;
import dev.researchvault.application.account.Logout;
import dev.researchvault.application.account.LogoutUseCase;
import dev.researchvault.application.account.OrphanCleanup;
import dev.researchvault.application.account.PasswordProof;
import dev.researchvault.application.account.RegisterAccount;
import dev.researchvault.application.account.RegisterAccountUseCase;
import dev.researchvault.application.backup.BackupService;
import dev.researchvault.application.blob.LegacyMigrationOnLogin;
import dev.researchvault.application.vault.VaultWork;
import dev.researchvault.bootstrap.config.LoginConfiguration;
import dev.researchvault.bootstrap.config.RegistrationConfiguration;
import dev.researchvault.domain.account.AccountRegistry;
import dev.researchvault.domain.vault.VaultKeys;
import dev.researchvault.domain.vault.VaultMetadata;
import dev.researchvault.domain.vault.Vaults;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Wires the account use cases: the application core knows no framework, so it is assembled here. */
@Factory
public class AccountWiring {

    @Singleton
    CaffeineSessionStore sessionStore(SessionConfiguration configuration, Clock clock, Vaults vaults) {
        // When a user's last session ends their key is wiped, so their open vault is closed too.
        return new CaffeineSessionStore(configuration, clock, Ticker.systemTicker(), vaults::close);
    }

    @Singleton
    LoginThrottle loginThrottle(LoginConfiguration configuration, Clock clock) {
        return new LoginThrottle(configuration.limits(), clock);
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
    PasswordProof passwordProof(AccountRegistry registry, VaultKeys keys, LoginThrottle throttle,
                                AccountLifecycle lifecycle) {
        return new PasswordProof(registry, keys, throttle, lifecycle);
    }

    /** Where the account use cases meet an account's registry row, files, sessions and lifecycle. */
    @Singleton
    AccountState accountState(AccountRegistry registry, Vaults vaults, CaffeineSessionStore sessions,
                              AccountLifecycle lifecycle) {
        return new AccountState(registry, vaults, sessions, lifecycle);
    }

    /** {@code vault.registration=closed} refuses every registration (403 {@code account.registration-closed}). */
    @Singleton
    RegisterAccountUseCase registerAccount(AccountRegistry registry, Vaults vaults, VaultKeys keys, Clock clock,
                                           RegistrationConfiguration registration) {
        return registration.isOpen() ? new RegisterAccount(registry, vaults, keys, clock) : new ClosedRegistration();
    }

    @Singleton
    LoginUseCase login(AccountState state, VaultKeys keys, LoginThrottle throttle, VaultWork vault,
                       VaultMetadata metadata, BackupService backups, LegacyMigrationOnLogin legacyFileMigration,
                       Clock clock) {
        return new Login(state, keys, throttle, FailedLoginPadding.system(),
                new LoginRecords(state.registry(), vault, metadata, clock),
                accountEvents(backups, legacyFileMigration));
    }

    @Singleton
    LogoutUseCase logout(CaffeineSessionStore sessions) {
        return new Logout(sessions);
    }

    @Singleton
    ChangePasswordUseCase changePassword(AccountState state, VaultKeys keys, PasswordProof proof,
                                         BackupService backups, LegacyMigrationOnLogin legacyFileMigration) {
        return new ChangePassword(state, keys, proof, accountEvents(backups, legacyFileMigration));
    }

    @Singleton
    ReadAccountUseCase readAccount(PasswordProof proof, CaffeineSessionStore sessions) {
        return new ReadAccount(proof, sessions);
    }

    @Singleton
    DeleteAccountUseCase deleteAccount(AccountState state, PasswordProof proof) {
        return new DeleteAccount(state, proof);
    }

    /**
     * Backups and blob upkeep hear of logins and password changes. Not a bean: both listeners are
     * {@code AccountEvents} beans themselves, so a third would make injection by that type ambiguous.
     */
    private static AccountEvents accountEvents(BackupService backups, LegacyMigrationOnLogin legacyFileMigration) {
        return AccountEventsFanOut.of(backups, legacyFileMigration);
    }
}
