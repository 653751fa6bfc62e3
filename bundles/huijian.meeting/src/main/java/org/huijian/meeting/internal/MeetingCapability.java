package org.huijian.meeting.internal;

import org.huijian.core.Capability;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.component.annotations.Component;

/** Tells the web app and the console that this site runs live meetings (the supervisor's live view). */
@Component(service = Capability.class)
public class MeetingCapability implements Capability {
    @Override
    public String id() {
        return "meeting";
    }

    @Override
    public String version() {
        return FrameworkUtil.getBundle(MeetingCapability.class).getVersion().toString();
    }
}
