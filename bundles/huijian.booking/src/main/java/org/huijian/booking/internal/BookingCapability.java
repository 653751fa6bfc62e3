package org.huijian.booking.internal;

import org.huijian.core.Capability;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.component.annotations.Component;

/** Tells the web app and the console that this site takes bookings. */
@Component(service = Capability.class)
public class BookingCapability implements Capability {
    @Override
    public String id() {
        return "booking";
    }

    @Override
    public String version() {
        return FrameworkUtil.getBundle(BookingCapability.class).getVersion().toString();
    }
}
