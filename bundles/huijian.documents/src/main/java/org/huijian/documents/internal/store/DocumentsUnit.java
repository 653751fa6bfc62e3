package org.huijian.documents.internal.store;

import javax.persistence.EntityManagerFactory;
import org.huijian.store.ModuleData;
import org.huijian.store.Store;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The documents module's data: its schema ({@code db/documents/}) is brought up to date first. */
@Component(service = DocumentsUnit.class)
public class DocumentsUnit extends ModuleData {
    static final String MODULE = "documents";

    @Activate
    public DocumentsUnit(@Reference Store store,
            @Reference(target = "(osgi.unit.name=huijian-documents)") EntityManagerFactory emf) {
        super(store, emf, MODULE);
    }
}
