package org.huijian.booking.internal.rest;

import static org.huijian.core.Role.APPROVER;
import static org.huijian.core.Role.INTEGRATION;
import static org.huijian.core.Role.LAWYER;
import static org.huijian.core.Role.SITE_ADMIN;
import static org.huijian.core.Role.SUPERVISOR;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
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
import org.huijian.accounts.AccountService;
import org.huijian.booking.Availability;
import org.huijian.booking.Booking;
import org.huijian.booking.BookingService;
import org.huijian.booking.Unavailability;
import org.huijian.booking.WaitlistEntry;
import org.huijian.booking.WaitlistRequest;
import org.huijian.core.Checks;
import org.huijian.core.NotFoundException;
import org.huijian.directory.DirectoryService;
import org.huijian.directory.Lawyer;
import org.huijian.site.Position;
import org.huijian.site.SiteService;
import org.huijian.site.Terminal;
import org.huijian.web.Allow;
import org.huijian.web.RestResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Around the bookings over REST: availability, the daily lists, the waiting list, a lawyer's own bookings. */
@Component(service = RestResource.class)
@Path("")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Allow({ LAWYER, SITE_ADMIN, APPROVER, SUPERVISOR })
public class ScheduleResource implements RestResource {
    private final BookingService bookings;
    private final AccountService accounts;
    private final SiteService site;
    private final DirectoryService directory;

    @Context
    SecurityContext security;

    @Activate
    public ScheduleResource(@Reference BookingService bookings, @Reference AccountService accounts,
            @Reference SiteService site, @Reference DirectoryService directory) {
        this.bookings = bookings;
        this.accounts = accounts;
        this.site = site;
        this.directory = directory;
    }

    @GET
    @Path("availability")
    public Availability availability(@QueryParam("centreId") Long centreId,
            @QueryParam("detentionCentreId") Long detentionCentreId, @QueryParam("date") String date) {
        new Checks().required("centreId", centreId).required("detentionCentreId", detentionCentreId).done();
        return bookings.availability(centreId, detentionCentreId, Bodies.date("date", date));
    }

    /**
     * Finds a detainee and case by what a lawyer is given: the detention centre, the detainee's code there
     * and the case number; all three must match exactly.
     */
    @GET
    @Path("detainee-lookup")
    @Allow({ LAWYER, SITE_ADMIN, APPROVER })
    public Bodies.Lookup lookup(@QueryParam("detentionCentreId") Long detentionCentreId, @QueryParam("code") String code,
            @QueryParam("caseNo") String caseNo) {
        new Checks().required("detentionCentreId", detentionCentreId).text("code", code, 32).text("caseNo", caseNo, 64)
                .done();
        var detainee = directory.detainees(detentionCentreId).stream().filter(d -> d.code().equals(code.strip()))
                .findFirst().orElseThrow(() -> new NotFoundException("detainee with code", code + " and case " + caseNo));
        var found = directory.cases(detainee.id()).stream().filter(c -> c.caseNo().equals(caseNo.strip())).findFirst()
                .orElseThrow(() -> new NotFoundException("detainee with code", code + " and case " + caseNo));
        return new Bodies.Lookup(detainee.id(), found.id(), detainee.name(), found.caseNo(), found.charge(),
                found.stage().name());
    }

    @GET
    @Path("me/bookings")
    @Allow(LAWYER)
    public List<Booking> mine(@QueryParam("from") String from, @QueryParam("to") String to) {
        LocalDate start = from == null ? LocalDate.now().minusDays(30) : Bodies.date("from", from);
        LocalDate end = to == null ? LocalDate.now().plusDays(30) : Bodies.date("to", to);
        return bookings.bookingsOf(Bodies.actor(security), Bodies.ownLawyer(accounts, security), start, end);
    }

    @GET
    @Path("lawyers/{id}/bookings")
    @Allow({ SITE_ADMIN, APPROVER, SUPERVISOR })
    public List<Booking> ofLawyer(@PathParam("id") long lawyerId, @QueryParam("from") String from,
            @QueryParam("to") String to) {
        return bookings.bookingsOf(Bodies.actor(security), lawyerId, Bodies.date("from", from), Bodies.date("to", to));
    }

    @GET
    @Path("detention-centres/{id}/daily")
    @Allow({ SITE_ADMIN, APPROVER, SUPERVISOR })
    public List<Bodies.DailyLine> daily(@PathParam("id") long detentionCentreId, @QueryParam("date") String date) {
        List<Booking> list = bookings.daily(Bodies.actor(security), detentionCentreId, Bodies.date("date", date));
        Map<Long, Terminal> terminals = site.terminals().stream().collect(Collectors.toMap(Terminal::id, Function.identity()));
        return list.stream().map(b -> {
            var d = directory.detainee(b.detaineeId());
            Lawyer l = directory.lawyer(b.lawyerId());
            return new Bodies.DailyLine(b.reference(), b.start(), b.end(), d.code(), d.name(),
                    terminals.get(b.detaineeTerminalId()).name(), l.name(), directory.lawFirm(l.lawFirmId()).name(),
                    site.centre(b.centreId()).name(), b.status().name());
        }).toList();
    }

    @GET
    @Path("centres/{id}/day")
    @Allow({ SITE_ADMIN, APPROVER, SUPERVISOR })
    public List<Bodies.CentreLine> centreDay(@PathParam("id") long centreId, @QueryParam("date") String date) {
        List<Booking> list = bookings.centreDay(Bodies.actor(security), centreId, Bodies.date("date", date));
        Map<Long, Position> positions = site.positions(centreId).stream()
                .collect(Collectors.toMap(Position::id, Function.identity()));
        return list.stream().map(b -> {
            Lawyer l = directory.lawyer(b.lawyerId());
            Position p = positions.get(b.positionId());
            return new Bodies.CentreLine(b.id(), b.reference(), b.start(), b.end(), p == null ? "" : p.name(), l.name(),
                    l.licenceNo(), b.status().name());
        }).toList();
    }

    @POST
    @Path("waitlist")
    @Allow(LAWYER)
    public Response join(WaitlistRequest request) {
        WaitlistEntry w = bookings.joinWaitlist(Bodies.actor(security), Bodies.body(request));
        return Response.created(URI.create("waitlist/" + w.id())).entity(w).build();
    }

    @GET
    @Path("me/waitlist")
    @Allow(LAWYER)
    public List<WaitlistEntry> myWaitlist() {
        return bookings.waitlistOf(Bodies.actor(security), Bodies.ownLawyer(accounts, security));
    }

    @POST
    @Path("waitlist/{id}/accept")
    @Allow(LAWYER)
    public Booking accept(@PathParam("id") long id) {
        return bookings.acceptOffer(Bodies.actor(security), id);
    }

    @DELETE
    @Path("waitlist/{id}")
    @Allow({ LAWYER, SITE_ADMIN })
    public WaitlistEntry leave(@PathParam("id") long id) {
        return bookings.leaveWaitlist(Bodies.actor(security), id);
    }

    @POST
    @Path("detainees/{id}/unavailability")
    @Allow({ SITE_ADMIN, SUPERVISOR, INTEGRATION })
    public List<Booking> unavailable(@PathParam("id") long detaineeId, Bodies.UnavailabilityBody body) {
        Bodies.body(body);
        return bookings.detaineeUnavailable(Bodies.actor(security),
                new Unavailability(detaineeId, body.from(), body.to(), body.reason()));
    }
}
