package org.huijian.transcript.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.persistence.EntityManager;
import org.huijian.audit.AuditEntry;
import org.huijian.core.AccessDeniedException;
import org.huijian.core.Actor;
import org.huijian.core.InvalidInputException;
import org.huijian.core.InvalidInputException.Violation;
import org.huijian.core.NotFoundException;
import org.huijian.core.Role;
import org.huijian.devices.TerminalIdentity;
import org.huijian.meeting.Meeting;
import org.huijian.meeting.MeetingParties;
import org.huijian.meeting.MeetingService;
import org.huijian.printing.spi.PrintDocument;
import org.huijian.printing.spi.PrintException;
import org.huijian.printing.spi.PrintJob;
import org.huijian.printing.spi.Printer;
import org.huijian.transcript.PrintRecord;
import org.huijian.transcript.SignatureInput;
import org.huijian.transcript.StaleVersionException;
import org.huijian.transcript.Transcript;
import org.huijian.transcript.TranscriptDraft;
import org.huijian.transcript.TranscriptHeader;
import org.huijian.transcript.TranscriptRefusedException;
import org.huijian.transcript.TranscriptService;
import org.huijian.transcript.TranscriptState;
import org.huijian.transcript.TranscriptVerification;
import org.huijian.transcript.Turn;
import org.huijian.transcript.internal.entity.PrintEntity;
import org.huijian.transcript.internal.entity.TranscriptEntity;
import org.huijian.transcript.internal.pdf.PdfContent;
import org.huijian.transcript.internal.pdf.PdfSigning;
import org.huijian.transcript.internal.pdf.TranscriptPdf;
import org.huijian.transcript.internal.pdf.Verification;
import org.huijian.transcript.spi.SignaturePad;
import org.huijian.site.TerminalKind;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transcripts (会见笔录): who may do what, the life DRAFT → SUBMITTED → SIGNED → SEALED → PRINTED, each change
 * stored with its audit event in one transaction, the signature checked and drawn, the PDF rendered and signed by
 * the server, printing through whichever {@link Printer} services are installed (none is fine).
 */
@Component(service = { Transcripts.class, TranscriptService.class }, configurationPid = TranscriptConfig.PID)
@Designate(ocd = TranscriptConfig.class)
public class Transcripts implements TranscriptService {
    private static final Logger LOG = LoggerFactory.getLogger(Transcripts.class);
    /** Reads meetings for the rules here; never acts on them. */
    static final Actor READER = new Actor("transcript", Set.of(Role.SUPERVISOR), "system");
    static final Role[] STAFF = { Role.SUPERVISOR, Role.AUDITOR, Role.SITE_ADMIN };

    /** Who is asking, as far as this meeting's transcript is concerned. */
    enum Party { LAWYER_TERMINAL, DETAINEE_TERMINAL, STAFF }

    private final TranscriptUnit unit;
    private final MeetingService meetings;
    private final Clock clock;
    private final Settings settings;
    private final Signatures signatures;
    private final ObjectMapper json = new ObjectMapper();
    private final List<Printer> printers = new CopyOnWriteArrayList<>();
    private final List<SignaturePad> pads = new CopyOnWriteArrayList<>();
    private volatile Engine engine;

    /** The configuration as plain values (tests make it without OSGi). */
    record Settings(Path fontFile, Path keystore, Path passwordFile, String signerName, String location, ZoneId zone,
            String closing, int maxTurns, int maxTurnChars, int maxTextChars, int maxPdfBytes,
            Duration terminalGrace, Duration padTimeout) {
        static Settings of(TranscriptConfig c) {
            Path data = Path.of(System.getProperty("karaf.data", "data")).resolve("huijian").resolve("transcript");
            return new Settings(Path.of(c.fontFile()),
                    c.keystore().isBlank() ? data.resolve("signing.p12") : Path.of(c.keystore()),
                    c.passwordFile().isBlank() ? data.resolve("signing.password") : Path.of(c.passwordFile()),
                    c.signerName(), c.location(), ZoneId.of(c.zone()), c.closing(), c.maxTurns(), c.maxTurnChars(),
                    c.maxTextChars(), c.maxPdfBytes(), Duration.ofMinutes(c.terminalGraceMinutes()),
                    Duration.ofSeconds(c.padTimeoutSeconds()));
        }
    }

    /** The PDF engine, made when first needed so that a missing font shows as a seal problem, not a dead service. */
    record Engine(TranscriptPdf pdf, PdfSigning signing) {
    }

    @Activate
    public Transcripts(@Reference TranscriptUnit unit, @Reference MeetingService meetings, TranscriptConfig config) {
        this(unit, meetings, Settings.of(config), Signatures.of(config), Clock.systemUTC());
    }

    Transcripts(TranscriptUnit unit, MeetingService meetings, Settings settings, Signatures signatures, Clock clock) {
        this.unit = unit;
        this.meetings = meetings;
        this.settings = settings;
        this.signatures = signatures;
        this.clock = clock;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addPrinter(Printer printer) {
        printers.add(printer);
    }

    void removePrinter(Printer printer) {
        printers.remove(printer);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addPad(SignaturePad pad) {
        pads.add(pad);
    }

    void removePad(SignaturePad pad) {
        pads.remove(pad);
    }

    public int maxPdfBytes() {
        return settings.maxPdfBytes();
    }

    synchronized Engine engine() throws IOException {
        if (engine == null) {
            if (!Files.isRegularFile(settings.fontFile())) {
                throw new IOException("the PDF font " + settings.fontFile() + " is missing (Debian: fonts-wqy-microhei)");
            }
            Files.createDirectories(settings.keystore().toAbsolutePath().getParent());
            engine = new Engine(new TranscriptPdf(settings.fontFile()),
                    PdfSigning.loadOrCreate(settings.keystore(), settings.passwordFile(), settings.signerName()));
        }
        return engine;
    }

    // ---- who may ----

    private Party party(Actor actor, TerminalIdentity t, Meeting m) {
        if (t != null) {
            Party p = t.terminalId() == m.lawyerTerminalId() && t.kind() == TerminalKind.LAWYER ? Party.LAWYER_TERMINAL
                    : t.terminalId() == m.detaineeTerminalId() && t.kind() == TerminalKind.DETAINEE
                            ? Party.DETAINEE_TERMINAL : null;
            if (p == null) {
                throw new AccessDeniedException("this terminal does not take part in meeting " + m.id());
            }
            if (m.endedAt() != null && clock.instant().isAfter(m.endedAt().plus(settings.terminalGrace()))) {
                throw new AccessDeniedException("meeting " + m.id() + " ended more than "
                        + settings.terminalGrace().toMinutes() + " minutes ago; its transcript is kept for staff");
            }
            return p;
        }
        actor.require(STAFF);
        return Party.STAFF;
    }

    private Meeting meeting(long meetingId) {
        return meetings.meeting(READER, meetingId);
    }

    private static Refused refused(String rule, String message) {
        return new Refused(rule, message);
    }

    static final class Refused extends TranscriptRefusedException {
        private static final long serialVersionUID = 1L;

        Refused(String rule, String message) {
            super(rule, message);
        }
    }

    // ---- reading ----

    @Override
    public Transcript transcript(Actor actor, TerminalIdentity t, long meetingId) {
        Meeting m = meeting(meetingId);
        Party party = party(actor, t, m);
        TranscriptEntity row = party == Party.STAFF ? existing(meetingId) : ensure(actor, m);
        refreshPrints(row);
        Transcript out = unit.read(em -> view(em, em.find(TranscriptEntity.class, row.id()), party));
        if (party == Party.STAFF) {
            audited(actor, meetingId, "transcript.view", out.state().name() + ", version " + out.version());
        }
        return out;
    }

    private TranscriptEntity existing(long meetingId) {
        return unit.read(em -> find(em, meetingId))
                .orElseThrow(() -> new NotFoundException("transcript", meetingId));
    }

    private static Optional<TranscriptEntity> find(EntityManager em, long meetingId) {
        return em.createNamedQuery("Transcript.ofMeeting", TranscriptEntity.class).setParameter("meetingId", meetingId)
                .getResultList().stream().findFirst();
    }

    /** The meeting's transcript, created with its header from the booking when a terminal first asks. */
    private synchronized TranscriptEntity ensure(Actor actor, Meeting m) {
        Optional<TranscriptEntity> found = unit.read(em -> find(em, m.id()));
        if (found.isPresent()) {
            return found.get();
        }
        String header = write(header(m));
        return unit.write(em -> {
            TranscriptEntity e = new TranscriptEntity(m.id(), m.lawyerTerminalId(), m.detaineeTerminalId(), header,
                    clock.instant());
            em.persist(e);
            return e;
        }, e -> new AuditEntry(actor, "transcript.create", "meeting:" + m.id(), "header from booking "
                + (m.parties() == null ? m.bookingId() : m.parties().bookingReference())));
    }

    TranscriptHeader header(Meeting m) {
        MeetingParties p = m.parties() == null
                ? new MeetingParties(null, null, null, null, null, null, null, null, null, null, null) : m.parties();
        DateTimeFormatter day = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm", Locale.CHINA).withZone(settings.zone());
        DateTimeFormatter hm = DateTimeFormatter.ofPattern("HH:mm").withZone(settings.zone());
        String time = m.bookedStart() == null ? "" : day.format(m.bookedStart())
                + (m.bookedEnd() == null ? "" : " 至 " + hm.format(m.bookedEnd()));
        String lawyer = nz(p.lawyerName()) + (p.lawFirmName() == null || p.lawFirmName().isBlank() ? ""
                : "（" + p.lawFirmName() + "）");
        String detainee = nz(p.detaineeName()) + (p.detaineeCode() == null || p.detaineeCode().isBlank() ? ""
                : "（" + p.detaineeCode() + "）");
        return new TranscriptHeader(time, nz(p.centreName()), nz(p.positionName()), lawyer, nz(p.lawyerName()),
                detainee, nz(p.detentionCentreName()), nz(p.caseNo()), nz(p.bookingReference()));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    // ---- the lawyer writes ----

    @Override
    public Transcript save(Actor actor, TerminalIdentity t, long meetingId, TranscriptDraft draft) {
        Meeting m = meeting(meetingId);
        requireParty(party(actor, t, m), Party.LAWYER_TERMINAL, "only the lawyer terminal of the meeting writes");
        ensure(actor, m);
        String recorder = checkDraft(draft);
        String turns = write(draft.turns());
        return change(actor, meetingId, draft.version(), Party.LAWYER_TERMINAL, (em, e) -> {
            if (e.state().equals(TranscriptState.DRAFT.name())) {
                TranscriptHeader h = read(e.headerJson(), TranscriptHeader.class).withRecorder(recorder);
                e.text(write(h), turns);
                e.changed(TranscriptState.DRAFT.name(), clock.instant());
                return null; // autosaves are not audited one by one: the text submitted is, with its hash
            }
            throw refused("not-draft", "the transcript is " + e.state().toLowerCase(Locale.ROOT)
                    + ": take it back to a draft before changing it");
        });
    }

    private String checkDraft(TranscriptDraft d) {
        if (d == null) {
            throw new InvalidInputException("body", "send {version, recorder, turns: [{speaker, text}]}");
        }
        List<Violation> errors = new ArrayList<>();
        String recorder = d.recorder() == null ? "" : d.recorder().strip();
        if (recorder.length() > 100) {
            errors.add(new Violation("recorder", "at most 100 characters"));
        }
        if (d.turns().size() > settings.maxTurns()) {
            errors.add(new Violation("turns", d.turns().size() + " turns; at most " + settings.maxTurns()));
        }
        long total = 0;
        for (int i = 0; i < d.turns().size() && errors.size() < 10; i++) {
            Turn turn = d.turns().get(i);
            if (turn == null || !(Turn.QUESTION.equals(turn.speaker()) || Turn.ANSWER.equals(turn.speaker()))) {
                errors.add(new Violation("turns[" + i + "].speaker", "must be Q (问) or A (答)"));
                continue;
            }
            int length = turn.text() == null ? 0 : turn.text().length();
            total += length;
            if (length > settings.maxTurnChars()) {
                errors.add(new Violation("turns[" + i + "].text", length + " characters; at most "
                        + settings.maxTurnChars()));
            }
        }
        if (total > settings.maxTextChars()) {
            errors.add(new Violation("turns", total + " characters in all; at most " + settings.maxTextChars()));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return recorder;
    }

    @Override
    public Transcript submit(Actor actor, TerminalIdentity t, long meetingId, long version) {
        Meeting m = meeting(meetingId);
        requireParty(party(actor, t, m), Party.LAWYER_TERMINAL, "only the lawyer terminal of the meeting submits");
        ensure(actor, m);
        return change(actor, meetingId, version, Party.LAWYER_TERMINAL, (em, e) -> {
            if (!e.state().equals(TranscriptState.DRAFT.name())) {
                throw refused("not-draft", "the transcript is already " + e.state().toLowerCase(Locale.ROOT));
            }
            List<Turn> turns = turns(e);
            if (turns.stream().allMatch(x -> x.text() == null || x.text().isBlank())) {
                throw refused("empty", "write at least one question or answer before submitting for signing");
            }
            e.submitted(clock.instant());
            e.changed(TranscriptState.SUBMITTED.name(), clock.instant());
            return new AuditEntry(actor, "transcript.submit", "meeting:" + meetingId, "version " + e.version() + ", "
                    + turns.size() + " turns, text SHA-256 " + sha256(e.turnsJson().getBytes(StandardCharsets.UTF_8)));
        });
    }

    @Override
    public Transcript withdraw(Actor actor, TerminalIdentity t, long meetingId, long version) {
        Meeting m = meeting(meetingId);
        requireParty(party(actor, t, m), Party.LAWYER_TERMINAL, "only the lawyer terminal of the meeting takes it back");
        return change(actor, meetingId, version, Party.LAWYER_TERMINAL, (em, e) -> {
            if (!e.state().equals(TranscriptState.SUBMITTED.name())) {
                throw refused("not-submitted", "only a transcript submitted and not yet signed can be taken back; it is "
                        + e.state().toLowerCase(Locale.ROOT));
            }
            e.withdrawn();
            e.changed(TranscriptState.DRAFT.name(), clock.instant());
            return new AuditEntry(actor, "transcript.withdraw", "meeting:" + meetingId, "version " + e.version());
        });
    }

    // ---- the detainee signs ----

    @Override
    public Transcript sign(Actor actor, TerminalIdentity t, long meetingId, long version, SignatureInput signature,
            String source) {
        Meeting m = meeting(meetingId);
        requireParty(party(actor, t, m), Party.DETAINEE_TERMINAL, "only the detainee terminal of the meeting signs");
        signatures.check(signature);
        byte[] png = Signatures.png(signature);
        String strokes = write(signature);
        Instant now = clock.instant();
        change(actor, meetingId, version, Party.DETAINEE_TERMINAL, (em, e) -> {
            if (!e.state().equals(TranscriptState.SUBMITTED.name())) {
                throw refused("not-submitted", "there is nothing to sign: the transcript is "
                        + e.state().toLowerCase(Locale.ROOT));
            }
            e.signed(now, source, strokes, png);
            e.changed(TranscriptState.SIGNED.name(), now);
            return new AuditEntry(actor, "transcript.sign", "meeting:" + meetingId, "version " + e.version() + ", "
                    + signature.strokes().size() + " strokes, " + signature.pointCount() + " samples, from " + source
                    + ", image SHA-256 " + sha256(png));
        });
        return sealNow(actor, meetingId, Party.DETAINEE_TERMINAL);
    }

    @Override
    public Transcript signWithPad(Actor actor, TerminalIdentity t, long meetingId, long version, String padId) {
        Meeting m = meeting(meetingId);
        requireParty(party(actor, t, m), Party.DETAINEE_TERMINAL, "only the detainee terminal of the meeting signs");
        SignaturePad pad = pads.stream().filter(p -> padId == null || padId.isBlank() || p.id().equals(padId))
                .filter(p -> p.terminal().equals(t.code())).findFirst()
                .orElseThrow(() -> refused("no-pad", "no signature pad" + (padId == null || padId.isBlank() ? ""
                        : " '" + padId + "'") + " is attached to terminal " + t.code()));
        Transcript current = unit.read(em -> view(em, find(em, meetingId).orElseThrow(
                () -> new NotFoundException("transcript", meetingId)), Party.DETAINEE_TERMINAL));
        if (current.state() != TranscriptState.SUBMITTED || current.version() != version) {
            if (current.state() == TranscriptState.SUBMITTED) {
                throw new StaleVersionException(version, current);
            }
            throw refused("not-submitted", "there is nothing to sign: the transcript is "
                    + current.state().name().toLowerCase(Locale.ROOT));
        }
        SignatureInput input;
        try {
            input = pad.capture("请在此签名 Please sign here", settings.padTimeout());
        } catch (IOException | RuntimeException e) {
            throw refused("pad-failed", "the signature pad " + pad.id() + " gave no signature: " + e.getMessage());
        }
        return sign(actor, t, meetingId, version, input, "pad:" + pad.id());
    }

    /** The pads attached to a terminal. */
    public List<String> padsOf(TerminalIdentity t) {
        return pads.stream().filter(p -> t != null && p.terminal().equals(t.code())).map(SignaturePad::id).toList();
    }

    @Override
    public Transcript seal(Actor actor, TerminalIdentity t, long meetingId) {
        Meeting m = meeting(meetingId);
        Party party = party(actor, t, m);
        if (party == Party.STAFF) {
            actor.require(Role.SITE_ADMIN, Role.SUPERVISOR);
        }
        return sealNow(actor, meetingId, party);
    }

    /** Renders and signs the PDF of a signed transcript; a failure stays on the row as its seal problem. */
    private Transcript sealNow(Actor actor, long meetingId, Party party) {
        TranscriptEntity row = existing(meetingId);
        if (!row.state().equals(TranscriptState.SIGNED.name())) {
            if (TranscriptState.valueOf(row.state()).sealed()) {
                return unit.read(em -> view(em, em.find(TranscriptEntity.class, row.id()), party));
            }
            throw refused("not-signed", "the transcript is not signed yet");
        }
        byte[] sealed;
        String hash;
        Instant now = clock.instant();
        try {
            Engine e = engine();
            PdfContent content = unit.read(em -> content(em.find(TranscriptEntity.class, row.id())));
            hash = e.pdf().contentHash(content);
            byte[] pdf = e.pdf().render(content);
            sealed = e.signing().sign(pdf, "会见笔录 Meeting transcript, meeting " + meetingId, settings.location(), now);
        } catch (IOException | RuntimeException ex) {
            LOG.warn("Transcript of meeting {} could not be sealed: {}", meetingId, ex.toString());
            String problem = ex.getMessage() == null ? ex.toString() : ex.getMessage();
            unit.write(em -> {
                em.find(TranscriptEntity.class, row.id()).sealFailed(problem);
                return null;
            }, x -> new AuditEntry(actor, "transcript.seal-failed", "meeting:" + meetingId, problem));
            throw refused("seal-failed", "the transcript is signed and kept, but the PDF could not be made: " + problem);
        }
        String sha = sha256(sealed);
        return unit.write(em -> {
            TranscriptEntity e = em.find(TranscriptEntity.class, row.id());
            e.sealed(now, hash, sealed, sha);
            e.changed(TranscriptState.SEALED.name(), now);
            return view(em, e, party);
        }, v -> new AuditEntry(actor, "transcript.seal", "meeting:" + meetingId, "PDF/A signed by the server, "
                + sealed.length + " bytes, SHA-256 " + sha + ", content hash " + hash));
    }

    PdfContent content(TranscriptEntity e) {
        TranscriptHeader h = read(e.headerJson(), TranscriptHeader.class);
        List<PdfContent.Field> fields = new ArrayList<>();
        fields.add(new PdfContent.Field("会见时间", h.time()));
        fields.add(new PdfContent.Field("会见地点", h.place()));
        fields.add(new PdfContent.Field("机位", h.position()));
        fields.add(new PdfContent.Field("会见律师", h.lawyer()));
        fields.add(new PdfContent.Field("记录人", h.recorder()));
        fields.add(new PdfContent.Field("被会见人", h.detainee()));
        fields.add(new PdfContent.Field("羁押场所", h.detentionCentre()));
        fields.add(new PdfContent.Field("案件", h.caseNo()));
        fields.add(new PdfContent.Field("预约号", h.bookingReference()));
        List<PdfContent.Turn> turns = turns(e).stream()
                .map(x -> new PdfContent.Turn(Turn.QUESTION.equals(x.speaker()) ? "问" : "答", nz(x.text()))).toList();
        String name = h.detainee();
        List<PdfContent.SignatureMark> marks = e.signaturePng() == null ? List.of()
                : List.of(new PdfContent.SignatureMark("被会见人签名", name, e.signaturePng(), e.signedAt(),
                        settings.zone()));
        return new PdfContent("会见笔录", fields, turns, settings.closing(), marks, Locale.SIMPLIFIED_CHINESE);
    }

    // ---- reading the PDF, printing, verifying ----

    @Override
    public byte[] pdf(Actor actor, TerminalIdentity t, long meetingId) {
        Meeting m = meeting(meetingId);
        Party party = party(actor, t, m);
        if (party == Party.DETAINEE_TERMINAL) {
            throw new AccessDeniedException("the detainee terminal reads the transcript, not its PDF");
        }
        TranscriptEntity row = existing(meetingId);
        if (!TranscriptState.valueOf(row.state()).sealed()) {
            throw refused("not-signed", "the transcript is " + row.state().toLowerCase(Locale.ROOT)
                    + ": there is no sealed PDF until the detainee has signed");
        }
        byte[] pdf = unit.read(em -> em.find(TranscriptEntity.class, row.id()).pdf());
        audited(actor, meetingId, "transcript.pdf", "downloaded, SHA-256 " + row.pdfSha256());
        return pdf;
    }

    @Override
    public List<PrinterInfo> printers(Actor actor, TerminalIdentity t) {
        return printers.stream().filter(p -> reachable(p, t))
                .map(p -> new PrinterInfo(p.id(), p.displayName(), p.terminal().orElse(null), available(p)))
                .sorted(Comparator.comparing((PrinterInfo p) -> p.terminal() == null).thenComparing(PrinterInfo::id))
                .toList();
    }

    private static boolean reachable(Printer p, TerminalIdentity t) {
        Optional<String> beside = p.terminal();
        return beside.isEmpty() || beside.get().isBlank() || (t != null && beside.get().equals(t.code()));
    }

    private static boolean available(Printer p) {
        try {
            return p.available();
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public Transcript print(Actor actor, TerminalIdentity t, long meetingId, String printerId, int copies) {
        Meeting m = meeting(meetingId);
        requireParty(party(actor, t, m), Party.LAWYER_TERMINAL, "only the lawyer terminal of the meeting prints");
        if (copies < 1 || copies > 10) {
            throw new InvalidInputException("copies", "1 to 10 copies, not " + copies);
        }
        TranscriptEntity row = existing(meetingId);
        if (!TranscriptState.valueOf(row.state()).sealed()) {
            throw refused("not-signed", "the transcript is " + row.state().toLowerCase(Locale.ROOT)
                    + ": only a transcript signed by the detainee and sealed can be printed");
        }
        Printer printer = choose(t, printerId);
        byte[] pdf = unit.read(em -> em.find(TranscriptEntity.class, row.id()).pdf());
        PrintJob job;
        String failure = null;
        try {
            job = printer.print(new PrintDocument("会见笔录-" + meetingId, PrintDocument.PDF, pdf, copies,
                    actor.username()));
        } catch (PrintException | RuntimeException e) {
            job = null;
            failure = (e instanceof PrintException pe ? pe.reason() + ": " : "") + e.getMessage();
        }
        PrintJob submitted = job;
        String problem = failure;
        Instant now = clock.instant();
        Transcript out = unit.write(em -> {
            TranscriptEntity e = em.find(TranscriptEntity.class, row.id());
            Integer last = em.createNamedQuery("Print.lastSeq", Integer.class).setParameter("transcriptId", e.id())
                    .getSingleResult();
            em.persist(new PrintEntity(e.id(), last == null ? 1 : last + 1, printer.id(), printer.displayName(),
                    submitted == null ? null : submitted.jobId(), submitted == null ? "FAILED" : submitted.state().name(),
                    submitted == null ? problem : submitted.message(), actor.username(), now));
            if (submitted != null && e.state().equals(TranscriptState.SEALED.name())) {
                e.changed(TranscriptState.PRINTED.name(), now);
            }
            em.flush();
            return view(em, e, Party.LAWYER_TERMINAL);
        }, v -> new AuditEntry(actor, submitted == null ? "transcript.print-failed" : "transcript.print",
                "meeting:" + meetingId, "printer " + printer.id() + ", " + copies + " copies, "
                        + (submitted == null ? problem : "job " + submitted.jobId() + " " + submitted.state())));
        if (submitted == null) {
            throw refused("printer-failed", "the printer " + printer.id() + " did not take the job: " + problem);
        }
        return out;
    }

    private Printer choose(TerminalIdentity t, String printerId) {
        if (printerId != null && !printerId.isBlank()) {
            Printer p = printers.stream().filter(x -> x.id().equals(printerId)).findFirst()
                    .orElseThrow(() -> new InvalidInputException("printer", "no printer '" + printerId + "'"));
            if (!reachable(p, t)) {
                throw new AccessDeniedException("the printer " + printerId + " stands beside another terminal");
            }
            return p;
        }
        return printers.stream().filter(p -> p.terminal().filter(x -> x.equals(t.code())).isPresent())
                .filter(Transcripts::available).findFirst()
                .or(() -> printers.stream().filter(p -> reachable(p, t)).filter(Transcripts::available).findFirst())
                .orElseThrow(() -> refused("no-printer", "no printer is available beside terminal " + t.code()
                        + " or shared by the centre"));
    }

    /** Asks the printers how the unfinished jobs went. */
    private void refreshPrints(TranscriptEntity row) {
        List<PrintEntity> open = unit.read(em -> em.createNamedQuery("Print.ofTranscript", PrintEntity.class)
                .setParameter("transcriptId", row.id()).getResultList().stream()
                .filter(p -> p.jobId() != null && !isFinal(p.state())).toList());
        for (PrintEntity p : open) {
            Optional<Printer> printer = printers.stream().filter(x -> x.id().equals(p.printerId())).findFirst();
            if (printer.isEmpty()) {
                continue;
            }
            try {
                PrintJob now = printer.get().status(p.jobId());
                if (!now.state().name().equals(p.state())) {
                    unit.transact(em -> {
                        em.find(PrintEntity.class, p.id()).update(now.state().name(), now.message(), clock.instant());
                        return null;
                    });
                }
            } catch (PrintException | RuntimeException e) {
                LOG.debug("Status of print job {} on {}: {}", p.jobId(), p.printerId(), e.toString());
            }
        }
    }

    private static boolean isFinal(String state) {
        return !(state.equals("PENDING") || state.equals("PROCESSING"));
    }

    @Override
    public TranscriptVerification verify(Actor actor, byte[] pdf) {
        actor.require(STAFF);
        if (pdf == null || pdf.length == 0) {
            throw new InvalidInputException("body", "send the PDF as the body (Content-Type application/pdf)");
        }
        Verification v;
        try {
            v = engine().signing().verify(pdf);
        } catch (IOException e) {
            throw refused("seal-failed", "the server's signing key is not available: " + e.getMessage());
        }
        String sha = sha256(pdf);
        Optional<TranscriptEntity> stored = unit.read(em -> em.createNamedQuery("Transcript.byPdf",
                TranscriptEntity.class).setParameter("sha", sha).getResultList().stream().findFirst());
        TranscriptVerification out = new TranscriptVerification(v.valid(), v.coversWholeDocument(),
                v.signedByThisServer(), v.signer(), v.signingTime(), v.footerHash(),
                stored.map(TranscriptEntity::meetingId).orElse(null), stored.isPresent(), sha, v.problems());
        unit.write(em -> null, x -> new AuditEntry(actor, "transcript.verify",
                stored.map(s -> "meeting:" + s.meetingId()).orElse("transcript"), (out.valid() ? "valid" : "INVALID")
                        + ", SHA-256 " + sha + (out.valid() ? "" : ", " + String.join("; ", out.problems()))));
        return out;
    }

    /** The stored sealed PDF of a meeting, for the console (no terminal, the system acting). */
    public Optional<byte[]> storedPdf(long meetingId) {
        return unit.read(em -> find(em, meetingId).filter(e -> e.pdf() != null).map(TranscriptEntity::pdf));
    }

    /** The signing key's certificate fingerprint. */
    public String certificateSha256() throws IOException {
        return engine().signing().certificateSha256();
    }

    // ---- plumbing ----

    /** Work on the stored row at the version the caller saw; a different version is a 409 with the current text. */
    private synchronized Transcript change(Actor actor, long meetingId, long version, Party party,
            java.util.function.BiFunction<EntityManager, TranscriptEntity, AuditEntry> work) {
        Transcript[] result = new Transcript[1];
        AuditEntry[] audit = new AuditEntry[1];
        unit.write(em -> {
            TranscriptEntity e = find(em, meetingId).orElseThrow(() -> new NotFoundException("transcript", meetingId));
            if (e.version() != version) {
                throw new StaleVersionException(version, view(em, e, party));
            }
            audit[0] = work.apply(em, e);
            em.flush();
            result[0] = view(em, e, party);
            return result[0];
        }, r -> audit[0]);
        return result[0];
    }

    private void audited(Actor actor, long meetingId, String action, String detail) {
        unit.write(em -> null, x -> new AuditEntry(actor, action, "meeting:" + meetingId, detail));
    }

    private static void requireParty(Party actual, Party wanted, String message) {
        if (actual != wanted) {
            throw new AccessDeniedException(message);
        }
    }

    private Transcript view(EntityManager em, TranscriptEntity e, Party party) {
        TranscriptState state = TranscriptState.valueOf(e.state());
        boolean hidden = party == Party.DETAINEE_TERMINAL && state == TranscriptState.DRAFT;
        List<PrintRecord> prints = em.createNamedQuery("Print.ofTranscript", PrintEntity.class)
                .setParameter("transcriptId", e.id()).getResultList().stream()
                .map(p -> new PrintRecord(p.seq(), p.printerId(), p.printerName(), p.jobId(), p.state(), p.message(),
                        p.requestedBy(), p.requestedAt(), p.updatedAt()))
                .toList();
        return new Transcript(e.meetingId(), state, e.version(), read(e.headerJson(), TranscriptHeader.class),
                hidden ? List.of() : turns(e), e.createdAt(), e.updatedAt(), e.submittedAt(), e.signedAt(),
                e.signatureSource(), e.sealedAt(), e.contentHash(), e.pdfSha256(), e.pdfBytes(), e.sealProblem(),
                prints);
    }

    private List<Turn> turns(TranscriptEntity e) {
        return List.of(read(e.turnsJson(), Turn[].class));
    }

    private String write(Object o) {
        try {
            return json.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T read(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored transcript data cannot be read", e);
        }
    }

    static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads a stored signature's strokes (for support and tests). */
    public Optional<SignatureInput> strokes(long meetingId) {
        return unit.read(em -> find(em, meetingId).filter(e -> e.signatureJson() != null)
                .map(e -> read(e.signatureJson(), SignatureInput.class)));
    }
}
