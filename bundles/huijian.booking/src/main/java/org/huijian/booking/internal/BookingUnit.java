package org.huijian.booking.internal;

import java.util.function.Function;
import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import org.huijian.audit.AuditEntry;
import org.huijian.store.Store;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The booking module's data: its schema is brought up to date first, then its persistence unit is used. */
@Component(service = BookingUnit.class)
public class BookingUnit {
    static final String MODULE = "booking";

    private final Store store;
    private final EntityManagerFactory emf;

    @Activate
    public BookingUnit(@Reference Store store,
            @Reference(target = "(osgi.unit.name=huijian-booking)") EntityManagerFactory emf) {
        this.store = store;
        this.emf = emf;
        store.migrate(MODULE, BookingUnit.class.getClassLoader());
    }

    Store store() {
        return store;
    }

    EntityManagerFactory emf() {
        return emf;
    }

    <T> T read(Function<EntityManager, T> work) {
        return store.read(emf, work);
    }

    <T> T write(Function<EntityManager, T> work, Function<T, AuditEntry> audit) {
        return store.write(emf, work, audit);
    }
}
