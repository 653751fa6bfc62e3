package org.huijian.notify.internal;

import java.util.List;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.huijian.core.Role;
import org.huijian.notify.Inbox;
import org.huijian.web.Allow;
import org.huijian.web.RestResource;
import org.huijian.web.WebPrincipal;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The signed-in account's messages. */
@Component(service = RestResource.class)
@Path("me/messages")
@Produces(MediaType.APPLICATION_JSON)
@Allow({ Role.SITE_ADMIN, Role.APPROVER, Role.SUPERVISOR, Role.LAWYER, Role.AUDITOR })
public class InboxResource implements RestResource {
    private final Inbox inbox;

    @Context
    SecurityContext security;

    @Activate
    public InboxResource(@Reference Inbox inbox) {
        this.inbox = inbox;
    }

    @GET
    public List<Inbox.Message> messages(@QueryParam("limit") Integer limit) {
        return inbox.messages(WebPrincipal.of(security).actor(), limit == null ? 50 : limit);
    }

    @POST
    @Path("{id}/read")
    public Response read(@PathParam("id") long id) {
        inbox.markRead(WebPrincipal.of(security).actor(), id);
        return Response.noContent().build();
    }
}
