package dev.researchvault.bootstrap.config;

import static dev.researchvault.bootstrap.config.ConfigurationValues.atLeast;
import static dev.researchvault.bootstrap.config.ConfigurationValues.notNegative;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;

/** The per-user cache of settings overrides ({@code settings.cache.*}). */
@ConfigurationProperties("settings.cache")
public class SettingsCacheConfiguration {

    private long maxUsers = 1024;
    private Duration expireAfterAccess = Duration.ofMinutes(10);

    /** Users whose overrides are cached at most (0: none is cached). */
    public long getMaxUsers() {
        return maxUsers;
    }

    public void setMaxUsers(long maxUsers) {
        this.maxUsers = atLeast("settings.cache.max-users", maxUsers, 0);
    }

    /** An idle user's cached overrides are dropped after this. */
    public Duration getExpireAfterAccess() {
        return expireAfterAccess;
    }

    public void setExpireAfterAccess(Duration expireAfterAccess) {
        this.expireAfterAccess = notNegative("settings.cache.expire-after-access", expireAfterAccess);
    }
}
