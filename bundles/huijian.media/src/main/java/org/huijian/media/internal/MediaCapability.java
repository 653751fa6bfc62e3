package org.huijian.media.internal;

import org.huijian.core.Capability;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.component.annotations.Component;

/** Tells the web app that this site relays and records meetings (the recordings section). */
@Component(service = Capability.class)
public class MediaCapability implements Capability {
    @Override
    public String id() {
        return "media";
    }

    @Override
    public String version() {
        return FrameworkUtil.getBundle(MediaCapability.class).getVersion().toString();
    }
}
