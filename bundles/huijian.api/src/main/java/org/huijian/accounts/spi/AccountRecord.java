package org.huijian.accounts.spi;

import java.time.Instant;
import java.util.Set;
import org.huijian.accounts.Account;
import org.huijian.core.Role;

/**
 * An account as kept by an {@link AccountStore}, with its password hash and sign-in counters.
 *
 * @param passwordHash self-describing hash, e.g. {@code pbkdf2-sha256$600000$<salt>$<hash>}
 * @param failedAttempts consecutive failed sign-ins since the last success or lock
 */
public record AccountRecord(long id, String username, String displayName, Set<Role> roles, Long lawyerId,
        String passwordHash, int failedAttempts, Instant lockedUntil, boolean disabled, String disabledReason,
        boolean mustChangePassword, Instant createdAt, Instant lastLoginAt, String email) {

    public AccountRecord {
        roles = Set.copyOf(roles);
    }

    public Account toAccount() {
        return new Account(id, username, displayName, roles, lawyerId, disabled, disabledReason, lockedUntil,
                mustChangePassword, createdAt, lastLoginAt, email);
    }

    public AccountRecord withRoles(Set<Role> newRoles) {
        return new AccountRecord(id, username, displayName, newRoles, lawyerId, passwordHash, failedAttempts,
                lockedUntil, disabled, disabledReason, mustChangePassword, createdAt, lastLoginAt, email);
    }

    public AccountRecord withPassword(String newHash, boolean mustChange) {
        return new AccountRecord(id, username, displayName, roles, lawyerId, newHash, 0, null, disabled,
                disabledReason, mustChange, createdAt, lastLoginAt, email);
    }

    public AccountRecord withSignIn(int failures, Instant newLockedUntil, Instant newLastLoginAt) {
        return new AccountRecord(id, username, displayName, roles, lawyerId, passwordHash, failures, newLockedUntil,
                disabled, disabledReason, mustChangePassword, createdAt, newLastLoginAt, email);
    }

    public AccountRecord withDisabled(boolean newDisabled, String reason) {
        return new AccountRecord(id, username, displayName, roles, lawyerId, passwordHash,
                newDisabled ? failedAttempts : 0, newDisabled ? lockedUntil : null, newDisabled, reason,
                mustChangePassword, createdAt, lastLoginAt, email);
    }
}
