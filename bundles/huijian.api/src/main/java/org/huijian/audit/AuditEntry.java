package org.huijian.audit;

import java.util.Objects;
import org.huijian.core.Actor;

/**
 * One privileged action to record.
 *
 * @param action dotted verb, e.g. {@code centre.create}, {@code account.lock}, {@code login.failed}
 * @param target what it acted on, e.g. {@code centre:GZ-TH}, {@code account:lawyer1}
 * @param detail a short human-readable detail; never a password or other secret
 */
public record AuditEntry(Actor actor, String action, String target, String detail) {
    public AuditEntry {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(target, "target");
        detail = detail == null ? "" : detail;
    }
}
