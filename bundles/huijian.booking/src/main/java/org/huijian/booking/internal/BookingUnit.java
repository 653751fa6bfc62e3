package org.huijian.booking.internal;

import javax.persistence.EntityManagerFactory;
import org.huijian.store.ModuleData;
import org.huijian.store.Store;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The booking module's data: its schema (`db/booking/`) is brought up to date first. */
@Component(service = BookingUnit.class)
public class BookingUnit extends ModuleData {
    static final String MODULE = "booking";

    @Activate
    public BookingUnit(@Reference Store store,
            @Reference(target = "(osgi.unit.name=huijian-booking)") EntityManagerFactory emf) {
        super(store, emf, MODULE);
    }
}
