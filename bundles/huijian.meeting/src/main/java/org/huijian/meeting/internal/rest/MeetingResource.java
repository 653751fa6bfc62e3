package org.huijian.meeting.internal.rest;

import static org.huijian.core.Role.AUDITOR;
import static org.huijian.core.Role.SITE_ADMIN;
import static org.huijian.core.Role.SUPERVISOR;

import java.util.List;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;
import org.huijian.core.Actor;
import org.huijian.core.Checks;
import org.huijian.meeting.Meeting;
import org.huijian.meeting.MeetingEvent;
import org.huijian.meeting.MeetingService;
import org.huijian.meeting.internal.MonitorTickets;
import org.huijian.web.Allow;
import org.huijian.web.RestResource;
import org.huijian.web.WebPrincipal;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Live meetings over REST, for the supervisor's console: watch, remind, terminate, set the time limit. */
@Component(service = RestResource.class)
@Path("meetings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Allow({ SUPERVISOR, SITE_ADMIN })
public class MeetingResource implements RestResource {

    /** A reminder's text. */
    public record Reminder(String text) {
    }

    /** Why a meeting is terminated. */
    public record Termination(String reason) {
    }

    /** A time limit, in minutes from the connection. */
    public record Limit(Integer minutes) {
    }

    private final MeetingService meetings;
    private final MonitorTickets tickets;

    @Context
    SecurityContext security;

    @Activate
    public MeetingResource(@Reference MeetingService meetings, @Reference MonitorTickets tickets) {
        this.meetings = meetings;
        this.tickets = tickets;
    }

    /**
     * A one-time ticket (valid 60 s) with which the supervisor's console page opens the signalling WebSocket as a
     * watcher: it sees every live meeting and may watch their video, never their audio.
     */
    @POST
    @Path("monitor-ticket")
    public MonitorTickets.Ticket monitorTicket() {
        return tickets.issue(actor());
    }

    @GET
    public List<Meeting> live() {
        return meetings.live(actor());
    }

    @GET
    @Path("{id}")
    @Allow({ SUPERVISOR, SITE_ADMIN, AUDITOR })
    public Meeting meeting(@PathParam("id") long id) {
        return meetings.meeting(actor(), id);
    }

    @GET
    @Path("{id}/events")
    @Allow({ SUPERVISOR, SITE_ADMIN, AUDITOR })
    public List<MeetingEvent> events(@PathParam("id") long id) {
        return meetings.events(actor(), id);
    }

    @POST
    @Path("{id}/remind")
    public Meeting remind(@PathParam("id") long id, Reminder body) {
        new Checks().required("(body)", body).done();
        return meetings.remind(actor(), id, body.text());
    }

    @POST
    @Path("{id}/terminate")
    public Meeting terminate(@PathParam("id") long id, Termination body) {
        new Checks().required("(body)", body).done();
        return meetings.terminate(actor(), id, body.reason());
    }

    @POST
    @Path("{id}/limit")
    public Meeting limit(@PathParam("id") long id, Limit body) {
        new Checks().required("(body)", body).done();
        return meetings.setLimit(actor(), id, body.minutes());
    }

    private Actor actor() {
        return WebPrincipal.of(security).actor();
    }
}
