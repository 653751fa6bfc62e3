package org.huijian.web.internal.rest;

import java.util.List;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;
import org.huijian.audit.AuditEvent;
import org.huijian.audit.AuditLog;
import org.huijian.audit.ChainVerification;
import org.huijian.core.Checks;
import org.huijian.core.Role;
import org.huijian.web.Allow;

/** The audit log, for auditors and site administrators. */
@Path("audit")
@Produces(MediaType.APPLICATION_JSON)
@Allow({ Role.AUDITOR, Role.SITE_ADMIN })
public class AuditResource {
    private final AuditLog audit;

    public AuditResource(AuditLog audit) {
        this.audit = audit;
    }

    @GET
    public List<AuditEvent> events(@QueryParam("after") Long after, @QueryParam("limit") Integer limit) {
        long from = after == null ? 0 : after;
        new Checks().rule(from >= 0, "after", "must not be negative").done();
        return audit.events(from, Params.limit("limit", limit, 100, 1000));
    }

    @GET
    @Path("latest")
    public List<AuditEvent> latest(@QueryParam("action") String action, @QueryParam("limit") Integer limit) {
        return audit.latest(action, Params.limit("limit", limit, 50, 1000));
    }

    @GET
    @Path("verify")
    public ChainVerification verify() {
        return audit.verify();
    }
}
