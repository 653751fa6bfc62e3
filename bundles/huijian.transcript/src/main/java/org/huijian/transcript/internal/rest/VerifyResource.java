package org.huijian.transcript.internal.rest;

import static org.huijian.core.Role.AUDITOR;
import static org.huijian.core.Role.SITE_ADMIN;
import static org.huijian.core.Role.SUPERVISOR;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.ws.rs.Consumes;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;
import org.huijian.core.InvalidInputException;
import org.huijian.transcript.TranscriptVerification;
import org.huijian.transcript.internal.Transcripts;
import org.huijian.web.Allow;
import org.huijian.web.RestResource;
import org.huijian.web.WebPrincipal;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code POST /api/transcripts/verify} with a PDF as the body: is it a transcript sealed by this server, unchanged,
 * and which meeting's. Always 200 with the verification for a PDF of acceptable size (a changed byte is
 * {@code valid: false} with the problems); 413 over the size limit, 415 for a body that is not a PDF.
 */
@Component(service = RestResource.class)
@Path("transcripts")
@Produces(MediaType.APPLICATION_JSON)
public class VerifyResource implements RestResource {
    static final MediaType PROBLEM = new MediaType("application", "problem+json");
    private final Transcripts transcripts;

    @Context
    SecurityContext security;
    @Context
    UriInfo uri;

    @Activate
    public VerifyResource(@Reference Transcripts transcripts) {
        this.transcripts = transcripts;
    }

    @POST
    @Path("verify")
    @Consumes({ "application/pdf", MediaType.APPLICATION_OCTET_STREAM })
    @Allow({ SUPERVISOR, AUDITOR, SITE_ADMIN })
    public Response verify(@Context HttpHeaders headers, InputStream body) {
        int max = transcripts.maxPdfBytes();
        if (headers.getLength() > max) {
            return problem(413, "payload-too-large", "the body is " + headers.getLength() + " bytes; at most " + max);
        }
        byte[] pdf;
        try {
            pdf = body.readNBytes(max + 1);
        } catch (IOException e) {
            throw new InvalidInputException("body", "the body could not be read: " + e.getMessage());
        }
        if (pdf.length > max) {
            return problem(413, "payload-too-large", "the body is larger than " + max + " bytes");
        }
        if (pdf.length < 5 || !new String(pdf, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1).equals("%PDF-")) {
            return problem(415, "unsupported-media-type", "the body is not a PDF (it does not start with %PDF-)");
        }
        TranscriptVerification v = transcripts.verify(WebPrincipal.of(security).actor(), pdf);
        return Response.ok(v).build();
    }

    private Response problem(int status, String type, String detail) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("type", "https://huijian.org/problems/" + type);
        p.put("title", status == 413 ? "Request too large" : "Unsupported media type");
        p.put("status", status);
        p.put("detail", detail);
        p.put("instance", uri == null ? null : uri.getRequestUri().getPath());
        return Response.status(status).type(PROBLEM).entity(p).build();
    }
}
