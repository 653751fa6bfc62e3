package org.huijian.web.internal.rest;

import static org.huijian.core.Role.APPROVER;
import static org.huijian.core.Role.AUDITOR;
import static org.huijian.core.Role.LAWYER;
import static org.huijian.core.Role.SITE_ADMIN;
import static org.huijian.core.Role.SUPERVISOR;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.huijian.core.Checks;
import org.huijian.site.Centre;
import org.huijian.site.CentreSpec;
import org.huijian.site.DetentionCentre;
import org.huijian.site.DetentionCentreSpec;
import org.huijian.site.OpeningPeriod;
import org.huijian.site.Position;
import org.huijian.site.PositionSpec;
import org.huijian.site.SiteService;
import org.huijian.site.SpecialDay;
import org.huijian.site.SpecialDaySpec;
import org.huijian.site.Terminal;
import org.huijian.site.TerminalSpec;
import org.huijian.site.TimeRange;
import org.huijian.web.Allow;

/** Site set-up: centres, detention centres, links, positions, terminals, hours and special days. */
@Path("")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Allow({ SITE_ADMIN, APPROVER, SUPERVISOR, AUDITOR, LAWYER })
public class SiteResource {
    private final SiteService site;

    @Context
    SecurityContext security;

    public SiteResource(SiteService site) {
        this.site = site;
    }

    @GET
    @Path("centres")
    public List<Centre> centres() {
        return site.centres();
    }

    @GET
    @Path("centres/{id}")
    public Centre centre(@PathParam("id") long id) {
        return site.centre(id);
    }

    @POST
    @Path("centres")
    @Allow(SITE_ADMIN)
    public Response createCentre(CentreSpec spec) {
        Centre c = site.createCentre(Params.actor(security), Params.body(spec));
        return Response.created(URI.create("centres/" + c.id())).entity(c).build();
    }

    @PUT
    @Path("centres/{id}")
    @Allow(SITE_ADMIN)
    public Centre updateCentre(@PathParam("id") long id, CentreSpec spec) {
        return site.updateCentre(Params.actor(security), id, Params.body(spec));
    }

    @GET
    @Path("centres/{id}/detention-centres")
    public List<DetentionCentre> linked(@PathParam("id") long id) {
        return site.linkedDetentionCentres(id);
    }

    @PUT
    @Path("centres/{id}/detention-centres/{dcId}")
    @Allow(SITE_ADMIN)
    public Response link(@PathParam("id") long id, @PathParam("dcId") long dcId) {
        site.link(Params.actor(security), id, dcId);
        return Response.noContent().build();
    }

    @DELETE
    @Path("centres/{id}/detention-centres/{dcId}")
    @Allow(SITE_ADMIN)
    public Response unlink(@PathParam("id") long id, @PathParam("dcId") long dcId) {
        site.unlink(Params.actor(security), id, dcId);
        return Response.noContent().build();
    }

    @GET
    @Path("centres/{id}/positions")
    public List<Position> positions(@PathParam("id") long id) {
        return site.positions(id);
    }

    @POST
    @Path("positions")
    @Allow(SITE_ADMIN)
    public Response createPosition(PositionSpec spec) {
        Position p = site.createPosition(Params.actor(security), Params.body(spec));
        return Response.created(URI.create("positions/" + p.id())).entity(p).build();
    }

    @PUT
    @Path("positions/{id}/enabled")
    @Allow(SITE_ADMIN)
    public Position enablePosition(@PathParam("id") long id, Views.Enabled body) {
        new Checks().required("enabled", Params.body(body).enabled()).done();
        return site.setPositionEnabled(Params.actor(security), id, body.enabled());
    }

    @GET
    @Path("centres/{id}/hours")
    public List<OpeningPeriod> hours(@PathParam("id") long id) {
        return site.openingHours(id);
    }

    @PUT
    @Path("centres/{id}/hours")
    @Allow(SITE_ADMIN)
    public List<OpeningPeriod> setHours(@PathParam("id") long id, List<OpeningPeriod> periods) {
        return site.setOpeningHours(Params.actor(security), id, Params.body(periods));
    }

    @GET
    @Path("centres/{id}/opening")
    public List<TimeRange> opening(@PathParam("id") long id, @QueryParam("date") String date) {
        return site.openingOn(id, Params.date("date", date, LocalDate.now()));
    }

    @GET
    @Path("detention-centres")
    public List<DetentionCentre> detentionCentres() {
        return site.detentionCentres();
    }

    @GET
    @Path("detention-centres/{id}")
    public DetentionCentre detentionCentre(@PathParam("id") long id) {
        return site.detentionCentre(id);
    }

    @GET
    @Path("detention-centres/{id}/centres")
    public List<Centre> linkedCentres(@PathParam("id") long id) {
        return site.linkedCentres(id);
    }

    @POST
    @Path("detention-centres")
    @Allow(SITE_ADMIN)
    public Response createDetentionCentre(DetentionCentreSpec spec) {
        DetentionCentre d = site.createDetentionCentre(Params.actor(security), Params.body(spec));
        return Response.created(URI.create("detention-centres/" + d.id())).entity(d).build();
    }

    @PUT
    @Path("detention-centres/{id}")
    @Allow(SITE_ADMIN)
    public DetentionCentre updateDetentionCentre(@PathParam("id") long id, DetentionCentreSpec spec) {
        return site.updateDetentionCentre(Params.actor(security), id, Params.body(spec));
    }

    @GET
    @Path("terminals")
    @Allow({ SITE_ADMIN, SUPERVISOR })
    public List<Terminal> terminals() {
        return site.terminals();
    }

    @POST
    @Path("terminals")
    @Allow(SITE_ADMIN)
    public Response createTerminal(TerminalSpec spec) {
        Terminal t = site.createTerminal(Params.actor(security), Params.body(spec));
        return Response.created(URI.create("terminals/" + t.id())).entity(t).build();
    }

    @PUT
    @Path("terminals/{id}/enabled")
    @Allow(SITE_ADMIN)
    public Terminal enableTerminal(@PathParam("id") long id, Views.Enabled body) {
        new Checks().required("enabled", Params.body(body).enabled()).done();
        return site.setTerminalEnabled(Params.actor(security), id, body.enabled());
    }

    @GET
    @Path("special-days")
    public List<SpecialDay> specialDays(@QueryParam("centreId") Long centreId, @QueryParam("from") String from,
            @QueryParam("to") String to) {
        LocalDate start = Params.date("from", from, LocalDate.now().withDayOfYear(1));
        return site.specialDays(centreId, start, Params.date("to", to, start.plusYears(1).minusDays(1)));
    }

    @POST
    @Path("special-days")
    @Allow(SITE_ADMIN)
    public Response addSpecialDay(SpecialDaySpec spec) {
        SpecialDay d = site.addSpecialDay(Params.actor(security), Params.body(spec));
        return Response.created(URI.create("special-days/" + d.id())).entity(d).build();
    }

    @DELETE
    @Path("special-days/{id}")
    @Allow(SITE_ADMIN)
    public Response removeSpecialDay(@PathParam("id") long id) {
        site.removeSpecialDay(Params.actor(security), id);
        return Response.noContent().build();
    }
}
