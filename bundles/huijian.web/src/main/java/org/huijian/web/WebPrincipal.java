package org.huijian.web;

import java.security.Principal;
import org.huijian.core.Actor;
import org.huijian.devices.TerminalIdentity;

/**
 * The signed-in caller of a REST request, as {@code SecurityContext.getUserPrincipal()} returns it.
 *
 * @param lawyerId the caller's lawyer, for accounts with the lawyer role; else {@code null}
 * @param terminal the terminal, when a kiosk signed in with its device credential; else {@code null}
 */
public record WebPrincipal(Actor actor, String displayName, Long lawyerId, TerminalIdentity terminal)
        implements Principal {

    /** A person signed in with an account. */
    public WebPrincipal(Actor actor, String displayName, Long lawyerId) {
        this(actor, displayName, lawyerId, null);
    }

    /** The caller of a request that passed the {@link Allow} check (such a request is always signed in). */
    public static WebPrincipal of(javax.ws.rs.core.SecurityContext security) {
        return (WebPrincipal) security.getUserPrincipal();
    }

    @Override
    public String getName() {
        return actor.username();
    }
}
