package org.huijian.store.internal.entity;

import java.sql.Timestamp;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.NamedQueries;
import javax.persistence.NamedQuery;
import javax.persistence.Table;
import org.huijian.audit.AuditEvent;

@Entity
@Table(name = "HJ_AUDIT_EVENT")
@NamedQueries({
        @NamedQuery(name = "Audit.after", query = "SELECT e FROM AuditEventEntity e WHERE e.seq > :after ORDER BY e.seq"),
        @NamedQuery(name = "Audit.latest", query = "SELECT e FROM AuditEventEntity e ORDER BY e.seq DESC"),
        @NamedQuery(name = "Audit.latestOf", query = "SELECT e FROM AuditEventEntity e WHERE e.action LIKE :prefix ORDER BY e.seq DESC")
})
public class AuditEventEntity {
    @Id
    @Column(name = "SEQ")
    private long seq;
    @Column(name = "OCCURRED_AT")
    private Timestamp at;
    @Column(name = "ACTOR")
    private String actor;
    @Column(name = "ORIGIN")
    private String origin;
    @Column(name = "ACTION_NAME")
    private String action;
    @Column(name = "TARGET")
    private String target;
    @Column(name = "DETAIL")
    private String detail;
    @Column(name = "PREV_HASH")
    private String prevHash;
    @Column(name = "HASH")
    private String hash;

    protected AuditEventEntity() {
    }

    public AuditEventEntity(AuditEvent e) {
        seq = e.seq();
        at = Timestamp.from(e.at());
        actor = e.actor();
        origin = e.origin();
        action = e.action();
        target = e.target();
        detail = e.detail();
        prevHash = e.prevHash();
        hash = e.hash();
    }

    public AuditEvent toApi() {
        return new AuditEvent(seq, at.toInstant(), actor, origin, action, target, detail, prevHash, hash);
    }
}
