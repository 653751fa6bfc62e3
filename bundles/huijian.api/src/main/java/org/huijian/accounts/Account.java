package org.huijian.accounts;

import java.time.Instant;
import java.util.Set;
import org.huijian.core.Role;

/**
 * An account that signs in to the web, the Karaf console, or as a terminal.
 *
 * @param lawyerId the lawyer this account belongs to, for accounts with the lawyer role; else {@code null}
 * @param disabled locked by an administrator, until unlocked
 * @param lockedUntil locked after repeated failed sign-ins, until this instant; {@code null} when not
 * @param mustChangePassword the password was set by someone else and must be changed at next sign-in
 * @param email where notifications go by e-mail, or {@code null}
 */
public record Account(long id, String username, String displayName, Set<Role> roles, Long lawyerId,
        boolean disabled, String disabledReason, Instant lockedUntil, boolean mustChangePassword, Instant createdAt,
        Instant lastLoginAt, String email) {
    public Account {
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }
}
