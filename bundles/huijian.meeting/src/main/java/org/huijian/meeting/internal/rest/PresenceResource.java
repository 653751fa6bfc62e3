package org.huijian.meeting.internal.rest;

import static org.huijian.core.Role.APPROVER;
import static org.huijian.core.Role.SITE_ADMIN;
import static org.huijian.core.Role.SUPERVISOR;

import java.util.List;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import org.huijian.meeting.internal.Presence;
import org.huijian.web.Allow;
import org.huijian.web.RestResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Which terminals are connected to the signalling now (the admin console's online / offline column). */
@Component(service = RestResource.class)
@Path("terminal-presence")
@Produces(MediaType.APPLICATION_JSON)
@Allow({ SITE_ADMIN, APPROVER, SUPERVISOR })
public class PresenceResource implements RestResource {
    private final Presence presence;

    @Activate
    public PresenceResource(@Reference Presence presence) {
        this.presence = presence;
    }

    @GET
    public List<Presence.Online> online() {
        return presence.list();
    }
}
