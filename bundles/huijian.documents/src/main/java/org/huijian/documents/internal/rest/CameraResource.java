package org.huijian.documents.internal.rest;

import static org.huijian.core.Role.TERMINAL;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;
import org.huijian.documents.internal.Captures;
import org.huijian.web.Allow;
import org.huijian.web.RestResource;
import org.huijian.web.WebPrincipal;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The document cameras of the calling terminal: server-side ones (take a still with
 * {@code POST /api/meetings/{id}/documents/capture?camera=ID}) and the one in its own browser (a UVC camera the
 * kiosk page opens with {@code getUserMedia}, found by label or deviceId).
 */
@Component(service = RestResource.class)
@Path("document-cameras")
@Produces(MediaType.APPLICATION_JSON)
@Allow(TERMINAL)
public class CameraResource implements RestResource {
    private final Captures captures;

    @Context
    SecurityContext security;

    @Activate
    public CameraResource(@Reference Captures captures) {
        this.captures = captures;
    }

    @GET
    public Captures.Cameras mine() {
        return captures.cameras(WebPrincipal.of(security).terminal());
    }
}
