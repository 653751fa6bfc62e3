package org.huijian.transcript.internal;

import javax.persistence.EntityManagerFactory;
import org.huijian.store.ModuleData;
import org.huijian.store.Store;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The transcript module's data: its schema ({@code db/transcript/}) is brought up to date first. */
@Component(service = TranscriptUnit.class)
public class TranscriptUnit extends ModuleData {
    static final String MODULE = "transcript";

    @Activate
    public TranscriptUnit(@Reference Store store,
            @Reference(target = "(osgi.unit.name=huijian-transcript)") EntityManagerFactory emf) {
        super(store, emf, MODULE);
    }
}
