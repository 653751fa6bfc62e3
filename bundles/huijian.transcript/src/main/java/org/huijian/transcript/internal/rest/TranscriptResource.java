package org.huijian.transcript.internal.rest;

import static org.huijian.core.Role.AUDITOR;
import static org.huijian.core.Role.SITE_ADMIN;
import static org.huijian.core.Role.SUPERVISOR;
import static org.huijian.core.Role.TERMINAL;

import java.util.List;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.huijian.core.InvalidInputException;
import org.huijian.transcript.SignatureInput;
import org.huijian.transcript.Stroke;
import org.huijian.transcript.StrokePoint;
import org.huijian.transcript.Transcript;
import org.huijian.transcript.TranscriptDraft;
import org.huijian.transcript.TranscriptService.PrinterInfo;
import org.huijian.transcript.internal.Transcripts;
import org.huijian.web.Allow;
import org.huijian.web.RestResource;
import org.huijian.web.WebPrincipal;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * A meeting's transcript (会见笔录) over REST. The lawyer terminal of the meeting writes ({@code PUT}, with the
 * version it is based on: 409 with the current transcript when it is stale), submits, takes back and prints; the
 * detainee terminal reads the submitted text and signs; supervisors, auditors and site administrators read it and
 * download the sealed PDF (audited). Refusals are RFC 9457 problems with a {@code rule}.
 */
@Component(service = RestResource.class)
@Path("meetings/{meetingId}/transcript")
@Produces(MediaType.APPLICATION_JSON)
public class TranscriptResource implements RestResource {
    private final Transcripts transcripts;

    @Context
    SecurityContext security;

    /** A version the caller saw. */
    public record VersionBody(Long version) {
        long required() {
            if (version == null) {
                throw new InvalidInputException("version", "send the version of the transcript you saw");
            }
            return version;
        }
    }

    /** A signature: the pad's size and the strokes, each a list of samples {x, y, p (0..1), t (ms)}. */
    public record SignatureBody(Long version, Integer width, Integer height, List<List<StrokePoint>> strokes) {
    }

    public record PadBody(Long version, String pad) {
    }

    public record PrintBody(String printer, Integer copies) {
    }

    /** What a terminal needs besides the transcript: its printers and pads. */
    public record Devices(List<PrinterInfo> printers, List<String> pads) {
    }

    @Activate
    public TranscriptResource(@Reference Transcripts transcripts) {
        this.transcripts = transcripts;
    }

    @GET
    @Allow({ TERMINAL, SUPERVISOR, AUDITOR, SITE_ADMIN })
    public Transcript get(@PathParam("meetingId") long meetingId) {
        WebPrincipal p = WebPrincipal.of(security);
        return transcripts.transcript(p.actor(), p.terminal(), meetingId);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Allow(TERMINAL)
    public Transcript save(@PathParam("meetingId") long meetingId, TranscriptDraft draft) {
        WebPrincipal p = WebPrincipal.of(security);
        return transcripts.save(p.actor(), p.terminal(), meetingId, draft);
    }

    @POST
    @Path("submit")
    @Consumes(MediaType.APPLICATION_JSON)
    @Allow(TERMINAL)
    public Transcript submit(@PathParam("meetingId") long meetingId, VersionBody body) {
        WebPrincipal p = WebPrincipal.of(security);
        return transcripts.submit(p.actor(), p.terminal(), meetingId, version(body));
    }

    @POST
    @Path("withdraw")
    @Consumes(MediaType.APPLICATION_JSON)
    @Allow(TERMINAL)
    public Transcript withdraw(@PathParam("meetingId") long meetingId, VersionBody body) {
        WebPrincipal p = WebPrincipal.of(security);
        return transcripts.withdraw(p.actor(), p.terminal(), meetingId, version(body));
    }

    @POST
    @Path("signature")
    @Consumes(MediaType.APPLICATION_JSON)
    @Allow(TERMINAL)
    public Transcript sign(@PathParam("meetingId") long meetingId, SignatureBody body) {
        if (body == null || body.version() == null || body.width() == null || body.height() == null) {
            throw new InvalidInputException("signature", "send {version, width, height, strokes: [[{x, y, p, t}]]}");
        }
        List<List<StrokePoint>> raw = body.strokes() == null ? List.of() : body.strokes();
        if (raw.stream().anyMatch(s -> s == null || s.stream().anyMatch(java.util.Objects::isNull))) {
            throw new InvalidInputException("strokes", "a stroke or a sample is missing (null)");
        }
        List<Stroke> strokes = raw.stream().map(Stroke::new).toList();
        WebPrincipal p = WebPrincipal.of(security);
        return transcripts.sign(p.actor(), p.terminal(), meetingId, body.version(),
                new SignatureInput(body.width(), body.height(), strokes), "terminal:" + p.terminal().code());
    }

    @POST
    @Path("signature/pad")
    @Consumes(MediaType.APPLICATION_JSON)
    @Allow(TERMINAL)
    public Transcript signWithPad(@PathParam("meetingId") long meetingId, PadBody body) {
        if (body == null || body.version() == null) {
            throw new InvalidInputException("version", "send {version, pad}");
        }
        WebPrincipal p = WebPrincipal.of(security);
        return transcripts.signWithPad(p.actor(), p.terminal(), meetingId, body.version(), body.pad());
    }

    @POST
    @Path("seal")
    @Consumes(MediaType.WILDCARD)
    @Allow({ TERMINAL, SUPERVISOR, SITE_ADMIN })
    public Transcript seal(@PathParam("meetingId") long meetingId) {
        WebPrincipal p = WebPrincipal.of(security);
        return transcripts.seal(p.actor(), p.terminal(), meetingId);
    }

    @GET
    @Path("pdf")
    @Produces({ "application/pdf", MediaType.APPLICATION_JSON })
    @Allow({ TERMINAL, SUPERVISOR, AUDITOR, SITE_ADMIN })
    public Response pdf(@PathParam("meetingId") long meetingId) {
        WebPrincipal p = WebPrincipal.of(security);
        byte[] pdf = transcripts.pdf(p.actor(), p.terminal(), meetingId);
        return Response.ok(pdf, "application/pdf").header("Cache-Control", "private, no-store")
                .header("Content-Disposition", "attachment; filename=\"transcript-" + meetingId + ".pdf\"").build();
    }

    @GET
    @Path("devices")
    @Allow(TERMINAL)
    public Devices devices(@PathParam("meetingId") long meetingId) {
        WebPrincipal p = WebPrincipal.of(security);
        transcripts.transcript(p.actor(), p.terminal(), meetingId); // the same access rule
        return new Devices(transcripts.printers(p.actor(), p.terminal()), transcripts.padsOf(p.terminal()));
    }

    @POST
    @Path("print")
    @Consumes(MediaType.APPLICATION_JSON)
    @Allow(TERMINAL)
    public Transcript print(@PathParam("meetingId") long meetingId, PrintBody body) {
        WebPrincipal p = WebPrincipal.of(security);
        String printer = body == null ? null : body.printer();
        int copies = body == null || body.copies() == null ? 1 : body.copies();
        if (printer != null && printer.length() > 120) {
            throw new InvalidInputException("printer", "at most 120 characters");
        }
        return transcripts.print(p.actor(), p.terminal(), meetingId, printer, copies);
    }

    private static long version(VersionBody body) {
        if (body == null) {
            throw new InvalidInputException("version", "send {version}");
        }
        return body.required();
    }
}
