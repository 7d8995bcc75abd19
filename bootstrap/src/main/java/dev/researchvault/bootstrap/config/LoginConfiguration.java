package dev.researchvault.bootstrap.config;

import static dev.researchvault.bootstrap.config.ConfigurationValues.atLeast;
import static dev.researchvault.bootstrap.config.ConfigurationValues.notNegative;

import dev.researchvault.application.account.LoginThrottle;
import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;

/** The login throttle ({@code login.*}); docs/api.md states what a client sees of it. */
@ConfigurationProperties("login")
public class LoginConfiguration {

    private int maxFailures = 5;
    private int maxFailuresPerAccount = 20;
    private Duration lockout = Duration.ofMinutes(15);
    private Duration slowdown = Duration.ofSeconds(5);
    private Duration maxWait = Duration.ofSeconds(10);

    /** The throttle's limits, as configured. */
    public LoginThrottle.Limits limits() {
        return new LoginThrottle.Limits(maxFailures, maxFailuresPerAccount, lockout, slowdown, maxWait);
    }

    /** Failed logins at one name from one client address before that address is refused until {@code lockout} ends. */
    public int getMaxFailures() {
        return maxFailures;
    }

    public void setMaxFailures(int maxFailures) {
        this.maxFailures = (int) atLeast("login.max-failures", maxFailures, 1);
    }

    /** Failed logins at one name from all addresses before the name takes one attempt per {@code slowdown}. */
    public int getMaxFailuresPerAccount() {
        return maxFailuresPerAccount;
    }

    public void setMaxFailuresPerAccount(int maxFailuresPerAccount) {
        this.maxFailuresPerAccount = (int) atLeast("login.max-failures-per-account", maxFailuresPerAccount, 1);
    }

    public Duration getLockout() {
        return lockout;
    }

    public void setLockout(Duration lockout) {
        this.lockout = notNegative("login.lockout", lockout);
    }

    public Duration getSlowdown() {
        return slowdown;
    }

    public void setSlowdown(Duration slowdown) {
        this.slowdown = notNegative("login.slowdown", slowdown);
    }

    /** How long an attempt beyond the allowance waits for the attempts in flight before it is refused. */
    public Duration getMaxWait() {
        return maxWait;
    }

    public void setMaxWait(Duration maxWait) {
        this.maxWait = notNegative("login.max-wait", maxWait);
    }
}
