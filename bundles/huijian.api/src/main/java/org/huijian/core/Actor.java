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

    /**
     * Services call this before acting: the platform itself ({@link #SYSTEM}) may do anything, anyone else
     * needs one of the roles.
     *
     * @throws AccessDeniedException when the actor holds none of them
     */
    public Actor require(Role... anyOf) {
        if (this.equals(SYSTEM)) {
            return this;
        }
        for (Role role : anyOf) {
            if (roles.contains(role)) {
                return this;
            }
        }
        throw new AccessDeniedException(username + " may not do this; it needs one of " + java.util.Arrays.toString(anyOf));
    }
}
