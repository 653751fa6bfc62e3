package org.huijian.web;

import java.security.Principal;
import org.huijian.core.Actor;

/**
 * The signed-in caller of a REST request, as {@code SecurityContext.getUserPrincipal()} returns it.
 *
 * @param lawyerId the caller's lawyer, for accounts with the lawyer role; else {@code null}
 */
public record WebPrincipal(Actor actor, String displayName, Long lawyerId) implements Principal {
    /** The caller of a request that passed the {@link Allow} check (such a request is always signed in). */
    public static WebPrincipal of(javax.ws.rs.core.SecurityContext security) {
        return (WebPrincipal) security.getUserPrincipal();
    }

    @Override
    public String getName() {
        return actor.username();
    }
}
