package org.huijian.meeting.internal;

import java.util.List;
import java.util.function.Function;
import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import org.huijian.audit.AuditEntry;
import org.huijian.store.Store;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The meeting module's data: its schema is brought up to date first, then its persistence unit is used. */
@Component(service = MeetingUnit.class)
public class MeetingUnit {
    static final String MODULE = "meeting";

    private final Store store;
    private final EntityManagerFactory emf;

    @Activate
    public MeetingUnit(@Reference Store store,
            @Reference(target = "(osgi.unit.name=huijian-meeting)") EntityManagerFactory emf) {
        this.store = store;
        this.emf = emf;
        store.migrate(MODULE, MeetingUnit.class.getClassLoader());
    }

    <T> T read(Function<EntityManager, T> work) {
        return store.read(emf, work);
    }

    <T> T writeAll(Function<EntityManager, T> work, Function<T, List<AuditEntry>> audits) {
        return store.writeAll(emf, work, audits);
    }
}
