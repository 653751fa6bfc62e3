package org.huijian.documents.internal.rest;

import static org.huijian.core.Role.AUDITOR;
import static org.huijian.core.Role.SITE_ADMIN;
import static org.huijian.core.Role.SUPERVISOR;
import static org.huijian.core.Role.TERMINAL;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.huijian.core.BusyException;
import org.huijian.core.InvalidInputException;
import org.huijian.documents.ImageRefusedException;
import org.huijian.documents.internal.Captures;
import org.huijian.web.Allow;
import org.huijian.web.RestResource;
import org.huijian.web.WebPrincipal;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Document display (文书展示) over REST: the lawyer terminal of a live meeting uploads a still (or has a server-side
 * document camera take one) and follows its progress; both terminals of the meeting read the straight page and its
 * text while it is live; supervisors and auditors read them during and after (each view audited).
 *
 * <p>Refusals are RFC 9457 problems: 415 for a body that is not PNG or JPEG (by its bytes, or disagreeing with its
 * Content-Type), 413 over the size or pixel limit, 503 with {@code Retry-After} when the queue is full, 409 when the
 * meeting is not live, 403 for anyone but the meeting's lawyer terminal. A refused upload stores nothing.
 */
@Component(service = RestResource.class)
@Path("meetings/{meetingId}/documents")
@Produces(MediaType.APPLICATION_JSON)
public class DocumentResource implements RestResource {
    static final MediaType PROBLEM = new MediaType("application", "problem+json");
    static final String BASE = "https://huijian.org/problems/";

    private final Captures captures;

    @Context
    SecurityContext security;
    @Context
    HttpServletRequest request;

    @Activate
    public DocumentResource(@Reference Captures captures) {
        this.captures = captures;
    }

    /** The body is the image, {@code image/png} or {@code image/jpeg}. */
    @POST
    @Consumes(MediaType.WILDCARD)
    @Allow(TERMINAL)
    public Response upload(@PathParam("meetingId") long meetingId, @Context HttpHeaders headers, InputStream body) {
        MediaType type = headers.getMediaType();
        String claimed = type == null ? null : (type.getType() + "/" + type.getSubtype()).toLowerCase(Locale.ROOT);
        if (claimed == null || !(claimed.equals("image/png") || claimed.equals("image/jpeg"))) {
            return problem("unsupported-media-type", "Unsupported media type", 415, "send the image as the body with "
                    + "Content-Type image/png or image/jpeg" + (claimed == null ? "" : ", not " + claimed), null);
        }
        int max = captures.maxBytes();
        long length = headers.getLength();
        if (length > max) {
            return tooLarge(length, max);
        }
        WebPrincipal p = WebPrincipal.of(security);
        return accepted(meetingId, () -> {
            captures.mayShow(p.terminal(), meetingId); // who and which meeting first: nothing read for a stranger
            captures.startReading(); // a full queue or too many bodies in memory: 503 before reading this one
            byte[] image;
            try {
                image = body.readNBytes(max + 1);
            } catch (IOException e) {
                throw new InvalidInputException("image", "the body could not be read: " + e.getMessage());
            } finally {
                captures.doneReading();
            }
            if (image.length > max) {
                throw new ImageRefusedException(ImageRefusedException.TOO_LARGE, "image",
                        "the body is larger than the " + max + " bytes allowed");
            }
            return captures.show(p.actor(), p.terminal(), meetingId, image, claimed, "upload");
        });
    }

    /** A still from a server-side document camera of this lawyer terminal (see {@code GET /api/document-cameras}). */
    @POST
    @Path("capture")
    @Consumes(MediaType.WILDCARD)
    @Allow(TERMINAL)
    public Response capture(@PathParam("meetingId") long meetingId, @QueryParam("camera") String camera) {
        if (camera == null || camera.isBlank() || camera.length() > 100) {
            throw new InvalidInputException("camera", "name the document camera (?camera=ID, at most 100 characters)");
        }
        WebPrincipal p = WebPrincipal.of(security);
        return accepted(meetingId, () -> captures.showFromCamera(p.actor(), p.terminal(), meetingId, camera));
    }

    @GET
    @Allow({ TERMINAL, SUPERVISOR, AUDITOR, SITE_ADMIN })
    public List<Captures.View> list(@PathParam("meetingId") long meetingId) {
        WebPrincipal p = WebPrincipal.of(security);
        return captures.list(p.actor(), p.terminal(), meetingId);
    }

    @GET
    @Path("{seq}")
    @Allow({ TERMINAL, SUPERVISOR, AUDITOR, SITE_ADMIN })
    public Captures.View one(@PathParam("meetingId") long meetingId, @PathParam("seq") int seq) {
        WebPrincipal p = WebPrincipal.of(security);
        return captures.one(p.actor(), p.terminal(), meetingId, seq);
    }

    @GET
    @Path("{seq}/page.png")
    @Produces({ "image/png", MediaType.APPLICATION_JSON })
    @Allow({ TERMINAL, SUPERVISOR, AUDITOR, SITE_ADMIN })
    public Response page(@PathParam("meetingId") long meetingId, @PathParam("seq") int seq) {
        WebPrincipal p = WebPrincipal.of(security);
        byte[] png = captures.page(p.actor(), p.terminal(), meetingId, seq);
        return Response.ok(png, "image/png").header("Cache-Control", "private, no-store").build();
    }

    @GET
    @Path("{seq}/original")
    @Produces({ "image/png", "image/jpeg", MediaType.APPLICATION_JSON })
    @Allow({ TERMINAL, SUPERVISOR, AUDITOR, SITE_ADMIN })
    public Response original(@PathParam("meetingId") long meetingId, @PathParam("seq") int seq) {
        WebPrincipal p = WebPrincipal.of(security);
        Map.Entry<String, byte[]> o = captures.original(p.actor(), p.terminal(), meetingId, seq);
        return Response.ok(o.getValue(), o.getKey()).header("Cache-Control", "private, no-store").build();
    }

    private Response accepted(long meetingId, java.util.function.Supplier<Captures.View> work) {
        try {
            Captures.View v = work.get();
            return Response.status(202).location(URI.create("/api/meetings/" + meetingId + "/documents/" + v.seq()))
                    .entity(v).build();
        } catch (ImageRefusedException e) {
            return switch (e.kind()) {
            case ImageRefusedException.TOO_LARGE -> problem("payload-too-large", "Request too large", 413,
                    e.getMessage(), e.violations());
            case ImageRefusedException.UNSUPPORTED -> problem("unsupported-media-type", "Unsupported media type", 415,
                    e.getMessage(), e.violations());
            default -> throw e;
            };
        } catch (BusyException e) {
            return Response.fromResponse(problem("busy", "Busy, try again shortly", 503, e.getMessage(), null))
                    .header("Retry-After", captures.retryAfterSeconds()).build();
        }
    }

    private Response tooLarge(long length, int max) {
        return problem("payload-too-large", "Request too large", 413, (length > 0 ? "the body is " + length
                + " bytes" : "the body is larger than allowed") + "; at most " + max + " bytes are accepted", null);
    }

    private Response problem(String type, String title, int status, String detail,
            List<InvalidInputException.Violation> errors) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("type", BASE + type);
        p.put("title", title);
        p.put("status", status);
        p.put("detail", detail);
        p.put("instance", request == null ? null : request.getRequestURI());
        if (errors != null) {
            p.put("errors", errors.stream().map(v -> Map.of("field", v.field(), "message", v.message())).toList());
        }
        return Response.status(status).type(PROBLEM).entity(p).build();
    }
}
