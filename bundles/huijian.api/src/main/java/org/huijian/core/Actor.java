package org.huijian.core;

import java.util.Objects;
import java.util.Set;

/**
 * Who performs an action, as recorded in the audit log.
 *
 * @param username the account name, or {@code system} for the platform itself
 * @param roles the roles the principal held when acting
 * @param origin where the action came from: {@code web 10.0.0.5}, {@code console}, {@code system}
 */
public record Actor(String username, Set<Role> roles, String origin) {
    public static final Actor SYSTEM = new Actor("system", Set.of(), "system");

    public Actor {
        Objects.requireNonNull(username, "username");
        roles = Set.copyOf(roles);
        Objects.requireNonNull(origin, "origin");
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }
}
