package org.huijian.audit;

import java.time.Instant;

/**
 * A recorded audit event. {@code hash} is an HMAC-SHA-256 over this event's fields and
 * {@code prevHash}, under a key kept outside the database, so the chain cannot be edited and re-sealed
 * by someone who can only write the database.
 */
public record AuditEvent(long seq, Instant at, String actor, String origin, String action, String target,
        String detail, String prevHash, String hash) {
}
