package org.huijian.devices.internal;

import javax.persistence.EntityManagerFactory;
import org.huijian.store.ModuleData;
import org.huijian.store.Store;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The devices module's data: its schema (`db/devices/`) is brought up to date first. */
@Component(service = DevicesUnit.class)
public class DevicesUnit extends ModuleData {
    static final String MODULE = "devices";

    @Activate
    public DevicesUnit(@Reference Store store,
            @Reference(target = "(osgi.unit.name=huijian-devices)") EntityManagerFactory emf) {
        super(store, emf, MODULE);
    }
}
