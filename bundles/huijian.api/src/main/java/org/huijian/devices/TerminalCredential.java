package org.huijian.devices;

import java.time.Instant;

/**
 * What is known of a terminal's credential, without its secret.
 *
 * @param revokedAt when it was revoked (or replaced), or {@code null} while it is in force
 * @param lastUsedAt when the terminal last signed in with it, or {@code null}
 */
public record TerminalCredential(long terminalId, String terminalCode, Instant issuedAt, String issuedBy,
        Instant revokedAt, String revokedBy, Instant lastUsedAt) {

    public boolean inForce() {
        return revokedAt == null;
    }
}
