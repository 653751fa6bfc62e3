package org.huijian.web;

import java.security.Principal;
import org.huijian.core.Actor;

/**
 * The signed-in caller of a REST request, as {@code SecurityContext.getUserPrincipal()} returns it.
 *
 * @param lawyerId the caller's lawyer, for accounts with the lawyer role; else {@code null}
 */
public record WebPrincipal(Actor actor, String displayName, Long lawyerId) implements Principal {
    @Override
    public String getName() {
        return actor.username();
    }
}
