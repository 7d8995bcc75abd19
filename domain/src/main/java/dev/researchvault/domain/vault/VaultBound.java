package dev.researchvault.domain.vault;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a port whose every method acts on the one vault the caller has bound (the application's
 * {@code VaultWork} / {@code VaultScope}), never on a vault named in its arguments. The convention, for every
 * port that reads or writes a user's vault:
 * <ul>
 *   <li>its methods take no user: the bound vault <em>is</em> the user, so a caller cannot name one user and
 *       reach another's files;</li>
 *   <li>called with no vault bound, a method throws {@link NoVaultBoundException} and touches nothing.</li>
 * </ul>
 * Each such port's contract spec checks the second rule against every adapter, and {@code ArchitectureSpec}
 * checks the first. Kept in the class file (not at run time): only those checks read it.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface VaultBound {
}
