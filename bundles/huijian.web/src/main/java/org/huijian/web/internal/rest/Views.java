package org.huijian.web.internal.rest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.huijian.accounts.Account;
import org.huijian.core.Checks;
import org.huijian.core.Role;

/** Request and response bodies of the core REST API that are not API records themselves. */
public final class Views {
    private Views() {
    }

    public record LoginRequest(String username, String password) {
    }

    public record PasswordChange(String currentPassword, String newPassword) {
    }

    public record PasswordReset(String password) {
    }

    public record Enabled(Boolean enabled) {
    }

    public record LockRequest(String reason) {
    }

    public record RolesRequest(List<String> roles) {
    }

    public record AccountCreate(String username, String displayName, List<String> roles, Long lawyerId,
            String password, String email) {
    }

    public record SessionView(String username, String displayName, List<String> roles, Long lawyerId,
            boolean mustChangePassword, String csrfToken) {
        static SessionView of(Account a, String csrfToken) {
            return new SessionView(a.username(), a.displayName(), ids(a.roles()), a.lawyerId(), a.mustChangePassword(),
                    csrfToken);
        }
    }

    public record AccountView(long id, String username, String displayName, List<String> roles, Long lawyerId,
            boolean disabled, String disabledReason, Instant lockedUntil, boolean mustChangePassword, Instant createdAt,
            Instant lastLoginAt, String email) {
        static AccountView of(Account a) {
            return new AccountView(a.id(), a.username(), a.displayName(), ids(a.roles()), a.lawyerId(), a.disabled(),
                    a.disabledReason(), a.lockedUntil(), a.mustChangePassword(), a.createdAt(), a.lastLoginAt(), a.email());
        }
    }

    public record Health(String status, String version, java.util.Map<String, String> checks) {
    }

    public record CapabilityView(String id, String version) {
    }

    static List<String> ids(Set<Role> roles) {
        return roles.stream().sorted().map(Role::id).toList();
    }

    /** Parses role ids, naming each unknown one. */
    static Set<Role> roles(String field, List<String> ids) {
        Checks checks = new Checks().rule(ids != null && !ids.isEmpty(), field, "at least one role is required");
        checks.done();
        Set<Role> out = EnumSet.noneOf(Role.class);
        List<String> known = new ArrayList<>();
        for (Role r : Role.values()) {
            known.add(r.id());
        }
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            Role.byId(id == null ? "" : id).ifPresentOrElse(out::add,
                    () -> checks.fail(field, "unknown role " + id + "; known: " + known));
        }
        checks.done();
        return out;
    }

    static char[] chars(String s) {
        return s == null ? null : s.toCharArray();
    }
}
