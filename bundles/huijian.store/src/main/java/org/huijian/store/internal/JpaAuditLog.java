package org.huijian.store.internal;

import java.util.List;
import org.huijian.audit.AuditEntry;
import org.huijian.audit.AuditEvent;
import org.huijian.audit.AuditLog;
import org.huijian.audit.ChainVerification;
import org.huijian.core.Checks;
import org.huijian.store.internal.entity.AuditEventEntity;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

@Component(service = AuditLog.class)
public class JpaAuditLog implements AuditLog {
    private final Database db;

    @Activate
    public JpaAuditLog(@Reference Database db) {
        this.db = db;
    }

    @Override
    public AuditEvent append(AuditEntry entry) {
        return db.append(entry);
    }

    @Override
    public List<AuditEvent> events(long afterSeq, int limit) {
        new Checks().rule(limit >= 1 && limit <= 1000, "limit", "must be between 1 and 1000")
                .rule(afterSeq >= 0, "after", "must not be negative").done();
        return db.read(em -> em.createNamedQuery("Audit.after", AuditEventEntity.class).setParameter("after", afterSeq)
                .setMaxResults(limit).getResultList().stream().map(AuditEventEntity::toApi).toList());
    }

    @Override
    public List<AuditEvent> latest(String actionPrefix, int limit) {
        new Checks().rule(limit >= 1 && limit <= 1000, "limit", "must be between 1 and 1000")
                .optionalText("action", actionPrefix, 64).done();
        return db.read(em -> {
            var query = actionPrefix == null || actionPrefix.isBlank()
                    ? em.createNamedQuery("Audit.latest", AuditEventEntity.class)
                    : em.createNamedQuery("Audit.latestOf", AuditEventEntity.class).setParameter("prefix",
                            actionPrefix.replace("%", "").replace("_", "") + "%");
            return query.setMaxResults(limit).getResultList().stream().map(AuditEventEntity::toApi).toList();
        });
    }

    @Override
    public ChainVerification verify() {
        return db.chain().verify((after, limit) -> db.read(em -> em.createNamedQuery("Audit.after", AuditEventEntity.class)
                .setParameter("after", after).setMaxResults(limit).getResultList().stream()
                .map(AuditEventEntity::toApi).toList()));
    }
}
