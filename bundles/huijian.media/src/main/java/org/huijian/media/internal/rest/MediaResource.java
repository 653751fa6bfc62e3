package org.huijian.media.internal.rest;

import static org.huijian.core.Role.AUDITOR;
import static org.huijian.core.Role.SITE_ADMIN;
import static org.huijian.core.Role.SUPERVISOR;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.StreamingOutput;
import org.huijian.audit.AuditEntry;
import org.huijian.audit.AuditLog;
import org.huijian.core.InvalidInputException;
import org.huijian.core.NotFoundException;
import org.huijian.media.MediaBridge;
import org.huijian.media.Recording;
import org.huijian.media.internal.DefaultMediaBridge;
import org.huijian.web.Allow;
import org.huijian.web.RestResource;
import org.huijian.web.WebPrincipal;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The bridge over REST: what it carries now (the channel count), and each meeting's recordings — listed, and played
 * in the browser (WebM with HTTP range requests, so the player can seek). Every playback is audited.
 */
@Component(service = RestResource.class)
@javax.ws.rs.Path("media")
@Produces(MediaType.APPLICATION_JSON)
public class MediaResource implements RestResource {
    private static final Pattern RANGE = Pattern.compile("bytes=(\\d*)-(\\d*)");

    private final DefaultMediaBridge bridge;
    private final AuditLog audit;

    @Context
    SecurityContext security;

    @Activate
    public MediaResource(@Reference DefaultMediaBridge bridge, @Reference AuditLog audit) {
        this.bridge = bridge;
        this.audit = audit;
    }

    @GET
    @javax.ws.rs.Path("channels")
    @Allow({ SITE_ADMIN, SUPERVISOR })
    public org.huijian.media.Channels channels() {
        return bridge.channels();
    }

    /** The recordings of the most recent meetings (at most 50 meetings), newest first. */
    @GET
    @javax.ws.rs.Path("recordings")
    @Allow({ SITE_ADMIN, SUPERVISOR, AUDITOR })
    public List<Recording> recent() {
        return bridge.recent(50);
    }

    @GET
    @javax.ws.rs.Path("recordings/{meetingId}")
    @Allow({ SITE_ADMIN, SUPERVISOR, AUDITOR })
    public List<Recording> recordings(@PathParam("meetingId") long meetingId) {
        return bridge.recordings(meetingId);
    }

    @GET
    @javax.ws.rs.Path("recordings/{meetingId}/{party}/{n}")
    @Produces("video/webm")
    @Allow({ SITE_ADMIN, SUPERVISOR, AUDITOR })
    public Response play(@PathParam("meetingId") long meetingId, @PathParam("party") String party,
            @PathParam("n") int n, @HeaderParam("Range") String range) throws IOException {
        if (!MediaBridge.LAWYER.equals(party) && !MediaBridge.DETAINEE.equals(party)) {
            throw new InvalidInputException("party", "lawyer or detainee");
        }
        java.nio.file.Path file = bridge.file(meetingId, party, n);
        if (!Files.isRegularFile(file)) {
            throw new NotFoundException("recording", meetingId + "/" + party + "/" + n);
        }
        long size = Files.size(file);
        long from = 0;
        long to = size - 1;
        Matcher m = range == null ? null : RANGE.matcher(range.strip());
        boolean partial = m != null && m.matches() && !(m.group(1).isEmpty() && m.group(2).isEmpty());
        if (partial) {
            if (m.group(1).isEmpty()) {
                from = Math.max(0, size - Long.parseLong(m.group(2)));
            } else {
                from = Long.parseLong(m.group(1));
                to = m.group(2).isEmpty() ? size - 1 : Math.min(size - 1, Long.parseLong(m.group(2)));
            }
            if (from > to || from >= size) {
                return Response.status(416).header("Content-Range", "bytes */" + size).build();
            }
        }
        if (!partial || from == 0) {
            audit.append(new AuditEntry(WebPrincipal.of(security).actor(), "recording.view",
                    "meeting:" + meetingId, party + " video, part " + n));
        }
        long start = from;
        long length = to - from + 1;
        StreamingOutput body = out -> copy(file, start, length, out);
        Response.ResponseBuilder r = Response.status(partial ? 206 : 200).entity(body).type("video/webm")
                .header("Accept-Ranges", "bytes").header("Content-Length", length).header("Cache-Control", "no-store");
        if (partial) {
            r.header("Content-Range", "bytes " + from + "-" + to + "/" + size);
        }
        return r.build();
    }

    private static void copy(java.nio.file.Path file, long from, long length, OutputStream out) throws IOException {
        try (FileChannel ch = FileChannel.open(file)) {
            ch.position(from);
            InputStream in = Channels.newInputStream(ch);
            byte[] buf = new byte[65536];
            long left = length;
            while (left > 0) {
                int n = in.read(buf, 0, (int) Math.min(buf.length, left));
                if (n < 0) {
                    break;
                }
                out.write(buf, 0, n);
                left -= n;
            }
        } catch (NoSuchFileException gone) {
            throw new IOException("the recording went away", gone);
        }
    }
}
