package org.huijian.meeting.internal;

import javax.persistence.EntityManagerFactory;
import org.huijian.store.ModuleData;
import org.huijian.store.Store;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The meeting module's data: its schema (`db/meeting/`) is brought up to date first. */
@Component(service = MeetingUnit.class)
public class MeetingUnit extends ModuleData {
    static final String MODULE = "meeting";

    @Activate
    public MeetingUnit(@Reference Store store,
            @Reference(target = "(osgi.unit.name=huijian-meeting)") EntityManagerFactory emf) {
        super(store, emf, MODULE);
    }
}
