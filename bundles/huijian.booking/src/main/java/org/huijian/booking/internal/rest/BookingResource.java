package org.huijian.booking.internal.rest;

import static org.huijian.core.Role.APPROVER;
import static org.huijian.core.Role.LAWYER;
import static org.huijian.core.Role.SITE_ADMIN;
import static org.huijian.core.Role.SUPERVISOR;

import java.net.URI;
import java.util.List;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;
import org.huijian.booking.Booking;
import org.huijian.booking.BookingEvent;
import org.huijian.booking.BookingRequest;
import org.huijian.booking.BookingService;
import org.huijian.core.RefusedException;
import org.huijian.web.Allow;
import org.huijian.web.Problems;
import org.huijian.web.RestResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Bookings over REST: request, read, and each step of a booking's life. Its own class path, so that matching a
 * request under {@code bookings} looks at these operations only (CXF tries every operation of every root
 * resource whose class path matches, and builds a log line for each as it goes).
 */
@Component(service = RestResource.class)
@Path("bookings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Allow({ LAWYER, SITE_ADMIN, APPROVER, SUPERVISOR })
public class BookingResource implements RestResource {
    private final BookingService bookings;

    @Context
    SecurityContext security;
    @Context
    UriInfo uri;

    @Activate
    public BookingResource(@Reference BookingService bookings) {
        this.bookings = bookings;
    }

    @POST
    @Allow({ LAWYER, SITE_ADMIN, APPROVER })
    public Response request(BookingRequest request) {
        Booking b;
        try {
            b = bookings.request(Bodies.actor(security), Bodies.body(request));
        } catch (RefusedException refused) { // in a release rush nearly every request: answered here, not thrown
            return Problems.of(refused, uri.getRequestUri().getRawPath());
        }
        return Response.created(URI.create("bookings/" + b.id())).entity(b).build();
    }

    @GET
    @Path("{id}")
    public Booking booking(@PathParam("id") long id) {
        return bookings.booking(Bodies.actor(security), id);
    }

    @GET
    @Path("{id}/history")
    public List<BookingEvent> history(@PathParam("id") long id) {
        return bookings.history(Bodies.actor(security), id);
    }

    @GET
    @Path("{id}/documents")
    public List<org.huijian.booking.Document> documents(@PathParam("id") long id) {
        return bookings.documents(Bodies.actor(security), id);
    }

    @GET
    @Path("pending")
    @Allow({ APPROVER, SITE_ADMIN })
    public List<Booking> pending() {
        return bookings.pending(Bodies.actor(security));
    }

    @POST
    @Path("{id}/approve")
    @Allow({ APPROVER, SITE_ADMIN })
    public Booking approve(@PathParam("id") long id, Bodies.Note body) {
        return bookings.approve(Bodies.actor(security), id, body == null ? null : body.note());
    }

    @POST
    @Path("{id}/reject")
    @Allow({ APPROVER, SITE_ADMIN })
    public Booking reject(@PathParam("id") long id, Bodies.Reason body) {
        return bookings.reject(Bodies.actor(security), id, Bodies.body(body).reason());
    }

    @POST
    @Path("{id}/cancel")
    @Allow({ LAWYER, SITE_ADMIN, APPROVER, SUPERVISOR })
    public Booking cancel(@PathParam("id") long id, Bodies.Reason body) {
        return bookings.cancel(Bodies.actor(security), id, body == null ? null : body.reason());
    }

    @POST
    @Path("{id}/reschedule")
    @Allow({ LAWYER, SITE_ADMIN, APPROVER })
    public Booking reschedule(@PathParam("id") long id, Bodies.Reschedule body) {
        Bodies.body(body);
        return bookings.reschedule(Bodies.actor(security), id, body.date(), body.start());
    }

    @POST
    @Path("{id}/check-in")
    @Allow({ SITE_ADMIN, APPROVER, SUPERVISOR })
    public Booking checkIn(@PathParam("id") long id) {
        return bookings.checkIn(Bodies.actor(security), id);
    }

    @POST
    @Path("{id}/complete")
    @Allow({ SITE_ADMIN, APPROVER, SUPERVISOR })
    public Booking complete(@PathParam("id") long id) {
        return bookings.complete(Bodies.actor(security), id);
    }

    @POST
    @Path("{id}/no-show")
    @Allow({ SITE_ADMIN, APPROVER, SUPERVISOR })
    public Booking noShow(@PathParam("id") long id, Bodies.Reason body) {
        return bookings.noShow(Bodies.actor(security), id, body == null ? null : body.reason());
    }
}
