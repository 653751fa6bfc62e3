package org.huijian.web.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardResource;

/** Serves the web app (bundle folder {@code static/}) at the site root. */
@Component(service = StaticResources.class)
@HttpWhiteboardResource(pattern = "/*", prefix = "/static")
public class StaticResources {
}
