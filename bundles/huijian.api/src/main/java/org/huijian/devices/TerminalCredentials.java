package org.huijian.devices;

import java.util.List;
import java.util.Optional;
import org.huijian.core.Actor;

/**
 * Terminal credentials (设备凭据): a site administrator issues one to a terminal (a lawyer terminal at a position, a
 * detainee terminal in a detention centre, a supervisor console); the kiosk keeps it and signs in with it. A terminal
 * has at most one credential in force: issuing a new one revokes the old. The secret is shown once and kept only as
 * a hash. Every issue and revocation is audited.
 */
public interface TerminalCredentials {

    /** Issues a new credential to the terminal (revoking any in force); site administrators only. */
    IssuedCredential issue(Actor actor, long terminalId);

    /** Revokes the terminal's credential in force, if any; site administrators only. */
    TerminalCredential revoke(Actor actor, long terminalId);

    /**
     * The terminal a secret belongs to, if the secret is in force and the terminal is enabled; empty for anything
     * else (unknown, revoked, disabled, malformed), never an error, so callers cannot tell the cases apart.
     */
    Optional<TerminalIdentity> authenticate(String secret);

    /** Each terminal's credential in force (or its last one); site administrators and supervisors. */
    List<TerminalCredential> credentials(Actor actor);
}
