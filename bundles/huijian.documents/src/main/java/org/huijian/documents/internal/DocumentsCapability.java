package org.huijian.documents.internal;

import org.huijian.core.Capability;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Tells the web app and the kiosks that this site shows documents in meetings (文书展示). */
@Component(service = Capability.class)
public class DocumentsCapability implements Capability {
    @Reference
    Captures captures; // only once captures can be stored and served

    @Override
    public String id() {
        return "documents";
    }

    @Override
    public String version() {
        return FrameworkUtil.getBundle(DocumentsCapability.class).getVersion().toString();
    }
}
