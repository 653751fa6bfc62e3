package org.huijian.devices.internal.rest;

import static org.huijian.core.Role.SITE_ADMIN;
import static org.huijian.core.Role.SUPERVISOR;

import java.util.List;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.CacheControl;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.huijian.devices.IssuedCredential;
import org.huijian.devices.TerminalCredential;
import org.huijian.devices.TerminalCredentials;
import org.huijian.web.Allow;
import org.huijian.web.RestResource;
import org.huijian.web.WebPrincipal;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Terminal credentials over REST: issue (the secret is in this one answer only), revoke, list. */
@Component(service = RestResource.class)
@Path("")
@Produces(MediaType.APPLICATION_JSON)
public class TerminalCredentialResource implements RestResource {
    private final TerminalCredentials credentials;

    @Context
    SecurityContext security;

    @Activate
    public TerminalCredentialResource(@Reference TerminalCredentials credentials) {
        this.credentials = credentials;
    }

    @POST
    @Path("terminals/{id}/credential")
    @Allow(SITE_ADMIN)
    public Response issue(@PathParam("id") long terminalId) {
        IssuedCredential issued = credentials.issue(actor(), terminalId);
        CacheControl never = new CacheControl();
        never.setNoStore(true);
        return Response.status(Response.Status.CREATED).cacheControl(never).entity(issued).build();
    }

    @DELETE
    @Path("terminals/{id}/credential")
    @Allow(SITE_ADMIN)
    public TerminalCredential revoke(@PathParam("id") long terminalId) {
        return credentials.revoke(actor(), terminalId);
    }

    @GET
    @Path("terminal-credentials")
    @Allow({ SITE_ADMIN, SUPERVISOR })
    public List<TerminalCredential> list() {
        return credentials.credentials(actor());
    }

    private org.huijian.core.Actor actor() {
        return WebPrincipal.of(security).actor();
    }
}
