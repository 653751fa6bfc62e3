package org.huijian.documents.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.persistence.EntityManager;
import org.huijian.audit.AuditEntry;
import org.huijian.audit.AuditLog;
import org.huijian.core.AccessDeniedException;
import org.huijian.core.BusyException;
import org.huijian.core.Actor;
import org.huijian.core.InvalidInputException;
import org.huijian.core.NotFoundException;
import org.huijian.core.RefusedException;
import org.huijian.core.Role;
import org.huijian.devices.TerminalIdentity;
import org.huijian.documents.Capture;
import org.huijian.documents.DocumentProcessor;
import org.huijian.documents.Job;
import org.huijian.documents.JobState;
import org.huijian.documents.PoolStatus;
import org.huijian.documents.ProcessedPage;
import org.huijian.documents.ProcessingException;
import org.huijian.documents.TextLine;
import org.huijian.documents.internal.store.CaptureEntity;
import org.huijian.documents.internal.store.DocumentsUnit;
import org.huijian.documents.spi.BrowserCamera;
import org.huijian.documents.spi.DocumentCamera;
import org.huijian.meeting.Meeting;
import org.huijian.meeting.MeetingService;
import org.huijian.meeting.MeetingState;
import org.huijian.site.TerminalKind;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The captures shown in meetings (文书展示): who may show and who may read, each capture stored with its meeting
 * before it counts, processed by the {@link DocumentProcessor}, and its result stored in one piece — the straight
 * page, its hash, the angle and the text, or the reason it failed. A refused image (type, size, a full queue) stores
 * nothing.
 */
@Component(service = Captures.class, configurationPid = DocumentsConfig.PID, immediate = true)
public class Captures {
    private static final Logger LOG = LoggerFactory.getLogger(Captures.class);
    /** Reads meetings for the rules here; never acts on them. */
    static final Actor READER = new Actor("documents", Set.of(Role.SUPERVISOR), "system");
    static final TypeReference<List<TextLine>> LINES = new TypeReference<>() {
    };

    /** A capture as the REST API shows it; {@code lines} only for one capture, not in a list. */
    public record View(long meetingId, int seq, String state, String stage, int percent, String reason, String source,
            String terminalName, String lawyerName, Instant createdAt, Instant finishedAt, String mediaType,
            String originalSha256, long originalBytes, String pageSha256, Integer width, Integer height, Double angle,
            Double confidence, List<TextLine> lines) {
    }

    /** The cameras a terminal may take a still from. */
    public record Cameras(List<ServerCamera> server, List<BrowserDevice> browser) {
    }

    public record ServerCamera(String id, boolean available) {
    }

    public record BrowserDevice(String id, String label, String deviceId, int width, int height) {
    }

    private final DocumentProcessor processor;
    private final DocumentsUnit unit;
    private final MeetingService meetings;
    private final AuditLog audit;
    private final Duration cameraTimeout;
    private final int maxBytes;
    private final int retryAfter;
    private final java.util.concurrent.Semaphore uploads;
    private final ObjectMapper json = new ObjectMapper();
    /** Pages being processed, by the capture's row id. */
    private final Map<Long, Job> running = new ConcurrentHashMap<>();
    private final List<DocumentCamera> cameras = new CopyOnWriteArrayList<>();
    private final List<BrowserCamera> browserCameras = new CopyOnWriteArrayList<>();
    private volatile boolean active = true;

    @Activate
    public Captures(@Reference DocumentProcessor processor, @Reference DocumentsUnit unit,
            @Reference MeetingService meetings, @Reference AuditLog audit, DocumentsConfig config) {
        this.processor = processor;
        this.unit = unit;
        this.meetings = meetings;
        this.audit = audit;
        this.cameraTimeout = Duration.ofSeconds(Math.max(1, config.cameraTimeoutSeconds()));
        this.maxBytes = config.maxBytes();
        this.retryAfter = Math.max(1, config.retryAfterSeconds());
        this.uploads = new java.util.concurrent.Semaphore(Math.max(1, config.uploadsInFlight()));
        // Pages that were queued or in work when the server stopped: kept, failed with that reason.
        int left = unit.transact(em -> {
            List<CaptureEntity> open = em.createNamedQuery("Capture.unfinished", CaptureEntity.class).getResultList();
            open.forEach(c -> c.failed(Instant.now(), "interrupted: the server stopped before the page was read"));
            return open.size();
        });
        if (left > 0) {
            LOG.warn("{} document capture(s) left unfinished by the last run marked failed", left);
        }
    }

    @Deactivate
    void deactivate() {
        active = false;
        running.values().forEach(Job::cancel);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addCamera(DocumentCamera camera) {
        cameras.add(camera);
    }

    void removeCamera(DocumentCamera camera) {
        cameras.remove(camera);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addBrowserCamera(BrowserCamera camera) {
        browserCameras.add(camera);
    }

    void removeBrowserCamera(BrowserCamera camera) {
        browserCameras.remove(camera);
    }

    public int maxBytes() {
        return maxBytes;
    }

    public int retryAfterSeconds() {
        return retryAfter;
    }

    /**
     * A place to read one upload's body into memory, or {@link BusyException} at once: the pool's queue is full, or
     * {@code uploadsInFlight} bodies are being read. Release it with {@link #doneReading()}.
     */
    public void startReading() {
        PoolStatus pool = processor.status();
        if (pool.queued() >= pool.queueCapacity()) {
            throw new BusyException("the document queue is full (" + pool.queued() + " pages waiting); try again shortly");
        }
        if (!uploads.tryAcquire()) {
            throw new BusyException("too many documents are being uploaded at once; try again shortly");
        }
    }

    public void doneReading() {
        uploads.release();
    }

    /** The document cameras of a terminal: server-side (through the SPI) and in its browser (UVC). */
    public Cameras cameras(TerminalIdentity t) {
        return new Cameras(cameras.stream().filter(c -> c.terminal().equals(t.code()))
                .map(c -> new ServerCamera(c.id(), safeAvailable(c))).toList(),
                browserCameras.stream().filter(c -> c.terminal().equals(t.code()))
                        .map(c -> new BrowserDevice(c.id(), c.label(), c.deviceId(), c.width(), c.height())).toList());
    }

    private static boolean safeAvailable(DocumentCamera c) {
        try {
            return c.available();
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * The lawyer terminal of a live meeting shows an image: checked (who, the meeting, the image, the queue), then
     * stored and queued. Nothing is stored when any check fails.
     */
    public View show(Actor actor, TerminalIdentity t, long meetingId, byte[] image, String mediaType, String source) {
        Meeting m = mayShow(t, meetingId);
        Job job = processor.submit(image, mediaType, null); // refuses a bad image or a full queue: nothing stored
        CaptureEntity row;
        try {
            String type = sniffedType(image);
            String sha = sha256(image);
            String lawyer = m.parties() == null ? null : m.parties().lawyerName();
            row = unit.write(em -> {
                Integer last = em.createNamedQuery("Capture.lastSeq", Integer.class).setParameter("meetingId", meetingId)
                        .getSingleResult();
                CaptureEntity c = new CaptureEntity(meetingId, last == null ? 1 : last + 1, t.terminalId(), t.name(),
                        lawyer, source, Instant.now(), type, image, sha);
                em.persist(c);
                return c;
            }, c -> new AuditEntry(actor, "document.capture", "meeting:" + meetingId + "/document:" + c.seq(),
                    source + ", " + c.originalBytes() + " bytes, SHA-256 " + sha));
        } catch (RuntimeException e) {
            job.cancel();
            throw e;
        }
        long id = row.id();
        running.put(id, job);
        job.result().whenComplete((page, error) -> finished(id, page, error));
        return view(row, false);
    }

    /** A still from a server-side document camera attached to this lawyer terminal, shown as {@link #show} does. */
    public View showFromCamera(Actor actor, TerminalIdentity t, long meetingId, String cameraId) {
        mayShow(t, meetingId);
        DocumentCamera camera = cameras.stream().filter(c -> c.id().equals(cameraId)).findFirst()
                .orElseThrow(() -> new InvalidInputException("camera", "no document camera '" + cameraId + "'"));
        if (!camera.terminal().equals(t.code())) {
            throw new AccessDeniedException("the document camera " + cameraId + " is not attached to this terminal");
        }
        Capture still;
        try {
            still = camera.capture(cameraTimeout);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Document camera {} gave no still: {}", cameraId, e.toString());
            throw new Refused("camera-failed", "the document camera " + cameraId + " gave no still: " + e.getMessage());
        }
        return show(actor, t, meetingId, still.image(), still.mediaType(), "camera:" + cameraId);
    }

    /** The captures of a meeting, oldest first. */
    public List<View> list(Actor actor, TerminalIdentity t, long meetingId) {
        mayRead(actor, t, meetingId);
        List<View> out = unit.read(em -> em.createNamedQuery("Capture.ofMeeting", CaptureEntity.class)
                .setParameter("meetingId", meetingId).getResultList().stream().map(c -> view(c, false)).toList());
        viewed(actor, t, meetingId, "documents", "list of " + out.size());
        return out;
    }

    /** One capture with its text. */
    public View one(Actor actor, TerminalIdentity t, long meetingId, int seq) {
        mayRead(actor, t, meetingId);
        View v = unit.read(em -> view(row(em, meetingId, seq), true));
        viewed(actor, t, meetingId, "document:" + seq, "text");
        return v;
    }

    /** The straight page (PNG), once done. */
    public byte[] page(Actor actor, TerminalIdentity t, long meetingId, int seq) {
        mayRead(actor, t, meetingId);
        byte[] png = unit.read(em -> {
            CaptureEntity c = row(em, meetingId, seq);
            if (!CaptureEntity.DONE.equals(c.state())) {
                throw new Refused("not-done", "capture " + seq + " is " + c.state().toLowerCase()
                        + (c.reason() == null ? "" : " (" + c.reason() + ")") + ": no straight page");
            }
            return c.pagePng();
        });
        viewed(actor, t, meetingId, "document:" + seq, "page");
        return png;
    }

    /** The image as it was captured, and its media type. */
    public Map.Entry<String, byte[]> original(Actor actor, TerminalIdentity t, long meetingId, int seq) {
        mayRead(actor, t, meetingId);
        Map.Entry<String, byte[]> out = unit.read(em -> {
            CaptureEntity c = row(em, meetingId, seq);
            return Map.entry(c.mediaType(), c.original());
        });
        viewed(actor, t, meetingId, "document:" + seq, "original");
        return out;
    }

    private static CaptureEntity row(EntityManager em, long meetingId, int seq) {
        return em.createNamedQuery("Capture.one", CaptureEntity.class).setParameter("meetingId", meetingId)
                .setParameter("seq", seq).getResultList().stream().findFirst()
                .orElseThrow(() -> new NotFoundException("document", meetingId + "/" + seq));
    }

    /** The meeting, if this terminal is its lawyer terminal and it is live (403, 404, 409 otherwise). */
    public Meeting mayShow(TerminalIdentity t, long meetingId) {
        if (t == null || t.kind() != TerminalKind.LAWYER) {
            throw new AccessDeniedException("only the lawyer terminal of the meeting shows documents");
        }
        Meeting m = meetings.meeting(READER, meetingId);
        if (m.lawyerTerminalId() != t.terminalId()) {
            throw new AccessDeniedException("only the lawyer terminal of meeting " + meetingId + " shows documents in it");
        }
        if (m.state() == MeetingState.ENDED || m.state() == MeetingState.TERMINATED) {
            throw new Refused("not-live", "meeting " + meetingId + " has ended; documents are shown only in a live meeting");
        }
        return m;
    }

    /**
     * Terminals: the two of that meeting, while it is live. People: supervisors and auditors (and site
     * administrators), during and after the meeting.
     */
    private void mayRead(Actor actor, TerminalIdentity t, long meetingId) {
        Meeting m = meetings.meeting(READER, meetingId);
        if (t != null) {
            if (m.lawyerTerminalId() != t.terminalId() && m.detaineeTerminalId() != t.terminalId()) {
                throw new AccessDeniedException("this terminal does not take part in meeting " + meetingId);
            }
            if (m.state() == MeetingState.ENDED || m.state() == MeetingState.TERMINATED) {
                throw new AccessDeniedException("meeting " + meetingId + " has ended; its documents are kept for "
                        + "supervisors and auditors");
            }
            return;
        }
        actor.require(Role.SUPERVISOR, Role.AUDITOR, Role.SITE_ADMIN);
    }

    /** Staff reading a meeting's papers is a privileged act: audited. Terminals of the meeting are not. */
    private void viewed(Actor actor, TerminalIdentity t, long meetingId, String what, String detail) {
        if (t == null) {
            audit.append(new AuditEntry(actor, "document.view", "meeting:" + meetingId + "/" + what, detail));
        }
    }

    private void finished(long id, ProcessedPage page, Throwable error) {
        running.remove(id);
        try {
            if (page != null) {
                String lines = json.writeValueAsString(page.lines());
                String sha = sha256(page.png());
                unit.transact(em -> {
                    em.find(CaptureEntity.class, id).done(Instant.now(), page.png(), sha, page.width(), page.height(),
                            page.angle(), page.confidence(), lines);
                    return null;
                });
                return;
            }
            Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                    ? error.getCause() : error;
            String reason = cause instanceof ProcessingException p ? p.reason() + ": " + p.getMessage()
                    : cause instanceof InvalidInputException ? "unreadable: " + cause.getMessage()
                    : "error: " + cause;
            unit.transact(em -> {
                em.find(CaptureEntity.class, id).failed(Instant.now(), reason);
                return null;
            });
        } catch (JsonProcessingException | RuntimeException e) {
            if (active) {
                LOG.error("Could not store the result of document capture {}: {}", id, e.toString());
            }
        }
    }

    private View view(CaptureEntity c, boolean withLines) {
        Job job = running.get(c.id());
        String state;
        String stage;
        int percent;
        if (job != null && !job.state().isFinal()) {
            JobState s = job.state();
            state = s == JobState.QUEUED ? "queued" : "processing";
            stage = s.name().toLowerCase();
            percent = job.percent();
        } else {
            state = CaptureEntity.PROCESSING.equals(c.state()) ? "processing" : c.state().toLowerCase();
            stage = state;
            percent = CaptureEntity.DONE.equals(c.state()) || CaptureEntity.FAILED.equals(c.state()) ? 100
                    : job != null ? job.percent() : 0;
        }
        List<TextLine> lines = null;
        if (withLines && c.linesJson() != null) {
            try {
                lines = json.readValue(c.linesJson(), LINES);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("stored text of capture " + c.id() + " cannot be read", e);
            }
        }
        return new View(c.meetingId(), c.seq(), state, stage, percent, c.reason(), c.source(), c.terminalName(),
                c.lawyerName(), c.createdAt(), c.finishedAt(), c.mediaType(), c.originalSha256(), c.originalBytes(),
                c.pageSha256(), c.pageWidth(), c.pageHeight(), c.angle(), c.confidence(),
                withLines && lines == null && CaptureEntity.DONE.equals(c.state()) ? List.of() : lines);
    }

    static String sniffedType(byte[] image) {
        return Optional.ofNullable(ImageIntake.sniff(image)).orElse(DocumentProcessor.PNG);
    }

    static String sha256(byte[] data) {
        try {
            return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A rule of document display refused the request (409, with the rule). */
    static final class Refused extends RefusedException {
        private static final long serialVersionUID = 1L;

        Refused(String rule, String message) {
            super(rule, message);
        }
    }
}
