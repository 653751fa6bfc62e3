package org.huijian.notify.internal;

import org.huijian.core.Capability;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.component.annotations.Component;

/** Tells the web app that accounts have an inbox. */
@Component(service = Capability.class)
public class NotifyCapability implements Capability {
    @Override
    public String id() {
        return "notify";
    }

    @Override
    public String version() {
        return FrameworkUtil.getBundle(NotifyCapability.class).getVersion().toString();
    }
}
