package org.huijian.meeting.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardResource;

/**
 * Serves the meeting terminals' kiosk page (bundle folder {@code kiosk/}) at {@code /kiosk/index.html}: one page for
 * the lawyer terminal and the detainee terminal, which it tells apart by the device credential it signs in with.
 */
@Component(service = KioskPages.class)
@HttpWhiteboardResource(pattern = "/kiosk/*", prefix = "/kiosk")
public class KioskPages {
}
