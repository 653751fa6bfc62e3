package org.huijian.media.internal.archive;

import javax.persistence.EntityManagerFactory;
import org.huijian.store.ModuleData;
import org.huijian.store.Store;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The media module's data: its schema ({@code db/media/}) is brought up to date first. */
@Component(service = MediaUnit.class)
public class MediaUnit extends ModuleData {
    static final String MODULE = "media";

    @Activate
    public MediaUnit(@Reference Store store,
            @Reference(target = "(osgi.unit.name=huijian-media)") EntityManagerFactory emf) {
        super(store, emf, MODULE);
    }
}
