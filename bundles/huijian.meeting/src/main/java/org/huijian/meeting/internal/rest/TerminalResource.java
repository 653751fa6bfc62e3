package org.huijian.meeting.internal.rest;

import static org.huijian.core.Role.TERMINAL;

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
import org.huijian.devices.TerminalIdentity;
import org.huijian.meeting.Meeting;
import org.huijian.meeting.MeetingService;
import org.huijian.web.Allow;
import org.huijian.web.RestResource;
import org.huijian.web.WebPrincipal;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * What a kiosk does, signed in with its terminal's device credential ({@code Authorization: Bearer hjt_…}): who am
 * I and which meetings are mine; Ready, Connect and hang up. The signalling WebSocket carries the same actions.
 */
@Component(service = RestResource.class)
@Path("terminal")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Allow(TERMINAL)
public class TerminalResource implements RestResource {

    /** The signed-in terminal and its live meetings. */
    public record Me(TerminalIdentity terminal, List<Meeting> meetings) {
    }

    private final MeetingService meetings;

    @Context
    SecurityContext security;

    @Activate
    public TerminalResource(@Reference MeetingService meetings) {
        this.meetings = meetings;
    }

    @GET
    public Me me() {
        TerminalIdentity t = terminal();
        return new Me(t, meetings.ofTerminal(t));
    }

    @POST
    @Path("meetings/{id}/ready")
    public Meeting ready(@PathParam("id") long id) {
        return meetings.ready(terminal(), id);
    }

    @POST
    @Path("meetings/{id}/connect")
    public Meeting connect(@PathParam("id") long id) {
        return meetings.connect(terminal(), id);
    }

    @POST
    @Path("meetings/{id}/hangup")
    public Meeting hangUp(@PathParam("id") long id) {
        return meetings.hangUp(terminal(), id);
    }

    private TerminalIdentity terminal() {
        return WebPrincipal.of(security).terminal();
    }
}
