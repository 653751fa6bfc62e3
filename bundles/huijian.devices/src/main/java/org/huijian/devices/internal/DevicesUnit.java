package org.huijian.devices.internal;

import java.util.function.Function;
import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import org.huijian.audit.AuditEntry;
import org.huijian.store.Store;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The devices module's data: its schema is brought up to date first, then its persistence unit is used. */
@Component(service = DevicesUnit.class)
public class DevicesUnit {
    static final String MODULE = "devices";

    private final Store store;
    private final EntityManagerFactory emf;

    @Activate
    public DevicesUnit(@Reference Store store,
            @Reference(target = "(osgi.unit.name=huijian-devices)") EntityManagerFactory emf) {
        this.store = store;
        this.emf = emf;
        store.migrate(MODULE, DevicesUnit.class.getClassLoader());
    }

    <T> T read(Function<EntityManager, T> work) {
        return store.read(emf, work);
    }

    /** A change not worth an audit event (e.g. when a credential was last used), without the audit log's lock. */
    <T> T transact(Function<EntityManager, T> work) {
        return store.transact(emf, work);
    }

    /** Writes with its audit event. */
    <T> T write(Function<EntityManager, T> work, Function<T, AuditEntry> audit) {
        return store.write(emf, work, audit);
    }
}
