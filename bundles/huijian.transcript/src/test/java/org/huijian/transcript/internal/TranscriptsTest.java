package org.huijian.transcript.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.persistence.EntityManagerFactory;
import org.apache.openjpa.persistence.PersistenceProviderImpl;
import org.huijian.core.AccessDeniedException;
import org.huijian.core.Actor;
import org.huijian.core.InvalidInputException;
import org.huijian.core.NotFoundException;
import org.huijian.core.Role;
import org.huijian.devices.TerminalIdentity;
import org.huijian.meeting.Meeting;
import org.huijian.meeting.MeetingEvent;
import org.huijian.meeting.MeetingParties;
import org.huijian.meeting.MeetingService;
import org.huijian.meeting.MeetingState;
import org.huijian.printing.spi.PrintDocument;
import org.huijian.printing.spi.PrintException;
import org.huijian.printing.spi.PrintJob;
import org.huijian.printing.spi.PrintJobState;
import org.huijian.printing.spi.Printer;
import org.huijian.site.TerminalKind;
import org.huijian.store.internal.TestDb;
import org.huijian.transcript.SignatureInput;
import org.huijian.transcript.StaleVersionException;
import org.huijian.transcript.Stroke;
import org.huijian.transcript.StrokePoint;
import org.huijian.transcript.Transcript;
import org.huijian.transcript.TranscriptDraft;
import org.huijian.transcript.TranscriptRefusedException;
import org.huijian.transcript.TranscriptState;
import org.huijian.transcript.TranscriptVerification;
import org.huijian.transcript.Turn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The transcript's life on the real store (Derby) with the real PDF engine (font, PAdES key): who may do what,
 * versioned saves, what is refused and that a refusal changes nothing, the sealed PDF verifying, printing.
 */
class TranscriptsTest {
    static final Path FONT = Path.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc");
    static final TerminalIdentity LAWYER = new TerminalIdentity(11, "GZ-TH-P01-L", "会见室1 律师终端",
            TerminalKind.LAWYER, 1L, null, 1L);
    static final TerminalIdentity DETAINEE = new TerminalIdentity(22, "GZ-KSS1-D01", "看守所1 会见分机1",
            TerminalKind.DETAINEE, null, 1L, null);
    static final TerminalIdentity OTHER_LAWYER = new TerminalIdentity(33, "GZ-TH-P02-L", "会见室2 律师终端",
            TerminalKind.LAWYER, 1L, null, 2L);
    static final Actor LAWYER_SIDE = new Actor("terminal:11", Set.of(Role.TERMINAL), "terminal");
    static final Actor DETAINEE_SIDE = new Actor("terminal:22", Set.of(Role.TERMINAL), "terminal");
    static final Actor OTHER_SIDE = new Actor("terminal:33", Set.of(Role.TERMINAL), "terminal");
    static final Actor SUPERVISOR = new Actor("supervisor", Set.of(Role.SUPERVISOR), "test");
    static final Actor LAWYER_PERSON = new Actor("lawyer1", Set.of(Role.LAWYER), "test");
    static final Instant START = Instant.parse("2026-11-29T01:00:00Z");

    /** The meetings the transcripts belong to: the records {@link MeetingService} gives, for two meetings. */
    static final class Meetings implements MeetingService {
        final Map<Long, Meeting> byId = new HashMap<>();

        void add(long id, Instant endedAt) {
            MeetingParties parties = new MeetingParties("B-20261129-0007", "李明", "某某律师事务所", "张三", "KSS1-0815",
                    "(2026)粤0106刑初815号", "天河律师视频会见中心", "会见室1", "广州市第一看守所", "会见室1 律师终端",
                    "看守所1 会见分机1");
            byId.put(id, new Meeting(id, 7, endedAt == null ? MeetingState.CONNECTED : MeetingState.ENDED, 11, 22, START,
                    START.plus(Duration.ofMinutes(90)), START, START, null, endedAt, null, true, true, parties));
        }

        @Override
        public Meeting meeting(Actor actor, long meetingId) {
            return Optional.ofNullable(byId.get(meetingId)).orElseThrow(() -> new NotFoundException("meeting", meetingId));
        }

        @Override
        public List<Meeting> live(Actor actor) {
            return List.copyOf(byId.values());
        }

        @Override
        public List<MeetingEvent> events(Actor actor, long meetingId) {
            return List.of();
        }

        @Override
        public List<Meeting> ofTerminal(TerminalIdentity terminal) {
            return List.of();
        }

        @Override
        public Meeting ready(TerminalIdentity terminal, long meetingId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Meeting connect(TerminalIdentity terminal, long meetingId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Meeting hangUp(TerminalIdentity terminal, long meetingId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Meeting remind(Actor actor, long meetingId, String text) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Meeting terminate(Actor actor, long meetingId, String reason) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Meeting setLimit(Actor actor, long meetingId, Integer minutes) {
            throw new UnsupportedOperationException();
        }
    }

    /** A printer writing each job to a folder, as the simulated printer driver does. */
    static final class FolderPrinter implements Printer {
        final Path folder;
        final String terminal;
        int jobs;

        FolderPrinter(Path folder, String terminal) {
            this.folder = folder;
            this.terminal = terminal;
        }

        @Override
        public String id() {
            return "p-" + terminal;
        }

        @Override
        public String displayName() {
            return "打印机 " + terminal;
        }

        @Override
        public Optional<String> terminal() {
            return Optional.of(terminal);
        }

        @Override
        public boolean available() {
            return true;
        }

        @Override
        public PrintJob print(PrintDocument document) throws PrintException {
            try {
                Files.createDirectories(folder);
                Files.write(folder.resolve(++jobs + ".pdf"), document.content());
            } catch (java.io.IOException e) {
                throw new PrintException(PrintException.UNAVAILABLE, e.getMessage(), e);
            }
            return new PrintJob(id(), String.valueOf(jobs), PrintJobState.COMPLETED, "written");
        }

        @Override
        public PrintJob status(String jobId) {
            return new PrintJob(id(), jobId, PrintJobState.COMPLETED, "written");
        }
    }

    @TempDir
    Path dir;
    TestDb db;
    EntityManagerFactory emf;
    Transcripts transcripts;
    Meetings meetings = new Meetings();
    // The real time: the signing key made now must be valid at the signing time.
    Clock clock = Clock.systemUTC();

    @BeforeEach
    void start() throws Exception {
        db = new TestDb(dir);
        emf = new PersistenceProviderImpl().createEntityManagerFactory("huijian-transcript", Map.of(
                "openjpa.ConnectionFactory", db.dataSource, "javax.persistence.nonJtaDataSource", db.dataSource,
                "openjpa.Log", "slf4j"));
        meetings.add(1, null);
        meetings.add(2, START.minus(Duration.ofHours(5)));
        transcripts = new Transcripts(new TranscriptUnit(db.db, emf), meetings, settings(FONT), new Signatures(200,
                20000, 300_000), clock);
    }

    Transcripts.Settings settings(Path font) {
        return new Transcripts.Settings(font, dir.resolve("key/signing.p12"), dir.resolve("key/signing.password"),
                "Huijian test seal", "广州", ZoneId.of("Asia/Shanghai"), "以上笔录我已阅读，与我所说相符。", 100, 2000,
                20000, 1 << 20, Duration.ofMinutes(60), Duration.ofSeconds(5));
    }

    @AfterEach
    void stop() {
        emf.close();
        db.close();
    }

    static List<Turn> turns() {
        return List.of(new Turn(Turn.QUESTION, "你是否清楚今天会见的目的？"),
                new Turn(Turn.ANSWER, "清楚，律师来了解案件情况。"));
    }

    /** A handwriting-like signature: two loops and a flourish, with pressure and time. */
    static SignatureInput signature() {
        List<Stroke> strokes = new ArrayList<>();
        long t = 0;
        for (int s = 0; s < 3; s++) {
            List<StrokePoint> pts = new ArrayList<>();
            for (int i = 0; i <= 40; i++) {
                double a = i / 40.0 * 2 * Math.PI;
                pts.add(new StrokePoint(80 + s * 140 + 50 * Math.sin(a) + i * 1.5, 100 + 40 * Math.cos(a * 1.5),
                        0.3 + 0.6 * Math.sin(a / 2), t));
                t += 8;
            }
            strokes.add(new Stroke(pts));
            t += 120;
        }
        return new SignatureInput(600, 200, strokes);
    }

    List<String> audited(long meetingId) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = db.dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT ACTION_NAME, ACTOR FROM HJ_AUDIT_EVENT WHERE TARGET = 'meeting:"
                        + meetingId + "' ORDER BY SEQ")) {
            while (r.next()) {
                out.add(r.getString(1) + " by " + r.getString(2));
            }
        }
        return out;
    }

    @Test
    void theLawyerWritesTheDetaineeSignsTheServerSealsAndItPrints() throws Exception {
        Transcript t = transcripts.transcript(LAWYER_SIDE, LAWYER, 1);
        assertEquals(TranscriptState.DRAFT, t.state());
        assertEquals(1, t.version());
        assertEquals("李明（某某律师事务所）", t.header().lawyer());
        assertEquals("李明", t.header().recorder(), "the recorder starts as the lawyer");
        assertEquals("2026年11月29日 09:00 至 10:30", t.header().time());
        assertEquals("张三（KSS1-0815）", t.header().detainee());
        assertEquals("广州市第一看守所", t.header().detentionCentre());

        t = transcripts.save(LAWYER_SIDE, LAWYER, 1, new TranscriptDraft(1, "王芳", turns()));
        assertEquals(2, t.version());
        assertEquals("王芳", t.header().recorder());
        assertEquals(turns(), t.turns());

        Transcript draftSeenByDetainee = transcripts.transcript(DETAINEE_SIDE, DETAINEE, 1);
        assertEquals(TranscriptState.DRAFT, draftSeenByDetainee.state());
        assertTrue(draftSeenByDetainee.turns().isEmpty(), "the detainee sees no text until it is submitted");

        t = transcripts.submit(LAWYER_SIDE, LAWYER, 1, 2);
        assertEquals(TranscriptState.SUBMITTED, t.state());
        assertEquals(turns(), transcripts.transcript(DETAINEE_SIDE, DETAINEE, 1).turns());
        assertThrows(TranscriptRefusedException.class,
                () -> transcripts.save(LAWYER_SIDE, LAWYER, 1, new TranscriptDraft(3, "王芳", List.of())),
                "a submitted text is frozen");

        t = transcripts.withdraw(LAWYER_SIDE, LAWYER, 1, 3);
        assertEquals(TranscriptState.DRAFT, t.state());
        t = transcripts.submit(LAWYER_SIDE, LAWYER, 1, t.version());

        t = transcripts.sign(DETAINEE_SIDE, DETAINEE, 1, t.version(), signature(), "terminal:GZ-KSS1-D01");
        assertEquals(TranscriptState.SEALED, t.state());
        assertNotNull(t.pdfSha256());
        assertNotNull(t.contentHash());
        assertNull(t.sealProblem());
        assertEquals(3, transcripts.strokes(1).orElseThrow().strokes().size(), "the raw strokes are kept");

        byte[] pdf = transcripts.pdf(SUPERVISOR, null, 1);
        assertEquals(t.pdfSha256(), Transcripts.sha256(pdf));
        TranscriptVerification v = transcripts.verify(SUPERVISOR, pdf);
        assertTrue(v.valid(), v.problems().toString());
        assertTrue(v.signedByThisServer());
        assertTrue(v.matchesStored());
        assertEquals(1L, v.meetingId());
        assertEquals(t.contentHash(), v.footerHash(), "the footer carries the content hash");
        assertEquals(List.of(), pdfaFailures(pdf), "the sealed transcript is PDF/A-2u (veraPDF)");

        byte[] changed = pdf.clone();
        int at = pdf.length / 3;
        changed[at] = (byte) (changed[at] ^ 0x01);
        TranscriptVerification bad = transcripts.verify(SUPERVISOR, changed);
        assertFalse(bad.valid());
        assertFalse(bad.matchesStored());
        assertFalse(bad.problems().isEmpty());

        FolderPrinter beside = new FolderPrinter(dir.resolve("printed"), LAWYER.code());
        transcripts.addPrinter(new FolderPrinter(dir.resolve("elsewhere"), "GZ-TH-P09-L"));
        transcripts.addPrinter(beside);
        t = transcripts.print(LAWYER_SIDE, LAWYER, 1, null, 1);
        assertEquals(TranscriptState.PRINTED, t.state());
        assertEquals(1, t.prints().size());
        assertEquals("p-GZ-TH-P01-L", t.prints().get(0).printerId(), "the printer beside the lawyer terminal");
        assertArrayEquals(pdf, Files.readAllBytes(dir.resolve("printed/1.pdf")));
        assertFalse(Files.exists(dir.resolve("elsewhere")));
        assertThrows(AccessDeniedException.class, () -> transcripts.print(LAWYER_SIDE, LAWYER, 1, "p-GZ-TH-P09-L", 1),
                "a printer beside another terminal");

        assertEquals(List.of("transcript.create by terminal:11", "transcript.submit by terminal:11",
                "transcript.withdraw by terminal:11", "transcript.submit by terminal:11",
                "transcript.sign by terminal:22", "transcript.seal by terminal:22", "transcript.pdf by supervisor",
                "transcript.verify by supervisor", "transcript.print by terminal:11"), audited(1));
    }

    @Test
    void aStaleSaveIsRefusedWithTheCurrentTextAndChangesNothing() {
        transcripts.transcript(LAWYER_SIDE, LAWYER, 1);
        transcripts.save(LAWYER_SIDE, LAWYER, 1, new TranscriptDraft(1, "王芳", turns()));
        StaleVersionException e = assertThrows(StaleVersionException.class,
                () -> transcripts.save(LAWYER_SIDE, LAWYER, 1, new TranscriptDraft(1, "王芳", List.of())));
        assertEquals(2, e.current().version());
        assertEquals(turns(), e.current().turns(), "the 409 carries the current text");
        assertEquals(2L, e.extensions().get("currentVersion"));
        assertEquals(turns(), transcripts.transcript(LAWYER_SIDE, LAWYER, 1).turns());
    }

    @Test
    void onlyTheMeetingsTerminalsAndStaffGetIn() {
        transcripts.transcript(LAWYER_SIDE, LAWYER, 1);
        assertThrows(AccessDeniedException.class, () -> transcripts.transcript(OTHER_SIDE, OTHER_LAWYER, 1));
        assertThrows(AccessDeniedException.class, () -> transcripts.transcript(LAWYER_PERSON, null, 1));
        assertThrows(AccessDeniedException.class,
                () -> transcripts.save(DETAINEE_SIDE, DETAINEE, 1, new TranscriptDraft(1, "x", turns())),
                "the detainee terminal does not write");
        assertThrows(AccessDeniedException.class,
                () -> transcripts.save(SUPERVISOR, null, 1, new TranscriptDraft(1, "x", turns())),
                "staff read, they do not write");
        assertThrows(AccessDeniedException.class, () -> transcripts.sign(LAWYER_SIDE, LAWYER, 1, 1, signature(), "x"),
                "the lawyer terminal does not sign");
        assertEquals(TranscriptState.DRAFT, transcripts.transcript(SUPERVISOR, null, 1).state());
        assertThrows(NotFoundException.class, () -> transcripts.transcript(SUPERVISOR, null, 2),
                "staff see a transcript once one exists");
        assertThrows(AccessDeniedException.class, () -> transcripts.transcript(LAWYER_SIDE, LAWYER, 2),
                "terminals lose access after the meeting's grace period");
        assertThrows(NotFoundException.class, () -> transcripts.transcript(LAWYER_SIDE, LAWYER, 99));
    }

    @Test
    void anUnsignedTranscriptIsNotPrintedAndNothingChanges() throws Exception {
        transcripts.addPrinter(new FolderPrinter(dir.resolve("printed"), LAWYER.code()));
        transcripts.transcript(LAWYER_SIDE, LAWYER, 1);
        transcripts.save(LAWYER_SIDE, LAWYER, 1, new TranscriptDraft(1, "王芳", turns()));
        TranscriptRefusedException e = assertThrows(TranscriptRefusedException.class,
                () -> transcripts.print(LAWYER_SIDE, LAWYER, 1, null, 1));
        assertEquals("not-signed", e.rule());
        transcripts.submit(LAWYER_SIDE, LAWYER, 1, 2);
        assertEquals("not-signed", assertThrows(TranscriptRefusedException.class,
                () -> transcripts.print(LAWYER_SIDE, LAWYER, 1, null, 1)).rule());
        Transcript t = transcripts.transcript(LAWYER_SIDE, LAWYER, 1);
        assertEquals(3, t.version());
        assertTrue(t.prints().isEmpty());
        assertFalse(Files.exists(dir.resolve("printed")));
        assertEquals("not-signed", assertThrows(TranscriptRefusedException.class,
                () -> transcripts.pdf(SUPERVISOR, null, 1)).rule());
        assertEquals(List.of("transcript.create by terminal:11", "transcript.submit by terminal:11"), audited(1));
    }

    @Test
    void badSignaturesAreRefusedAndTheTranscriptStaysSubmitted() {
        transcripts.transcript(LAWYER_SIDE, LAWYER, 1);
        transcripts.save(LAWYER_SIDE, LAWYER, 1, new TranscriptDraft(1, "王芳", turns()));
        transcripts.submit(LAWYER_SIDE, LAWYER, 1, 2);
        long v = 3;
        assertThrows(InvalidInputException.class, () -> transcripts.sign(DETAINEE_SIDE, DETAINEE, 1, v,
                new SignatureInput(600, 200, List.of()), "t"), "empty");
        assertThrows(InvalidInputException.class, () -> transcripts.sign(DETAINEE_SIDE, DETAINEE, 1, v,
                new SignatureInput(600, 200, List.of(new Stroke(List.of(new StrokePoint(10, 10, .5, 0),
                        new StrokePoint(11, 10, .5, 300))))), "t"), "a dot");
        assertThrows(InvalidInputException.class, () -> transcripts.sign(DETAINEE_SIDE, DETAINEE, 1, v,
                new SignatureInput(600, 200, List.of(new Stroke(List.of(new StrokePoint(10, 10, .5, 0),
                        new StrokePoint(900, 10, .5, 300))))), "t"), "outside the pad");
        assertThrows(InvalidInputException.class, () -> transcripts.sign(DETAINEE_SIDE, DETAINEE, 1, v,
                new SignatureInput(600, 200, List.of(new Stroke(List.of(new StrokePoint(10, 10, .5, 500),
                        new StrokePoint(300, 10, .5, 100))))), "t"), "time going backwards");
        assertThrows(InvalidInputException.class, () -> transcripts.sign(DETAINEE_SIDE, DETAINEE, 1, v,
                new SignatureInput(600, 200, List.of(new Stroke(List.of(new StrokePoint(10, 10, .5, 0),
                        new StrokePoint(300, 10, .5, 20))))), "t"), "signed in 20 ms");
        List<StrokePoint> many = new ArrayList<>();
        for (int i = 0; i < 20001; i++) {
            many.add(new StrokePoint(i % 600, 100, .5, i));
        }
        assertThrows(InvalidInputException.class, () -> transcripts.sign(DETAINEE_SIDE, DETAINEE, 1, v,
                new SignatureInput(600, 200, List.of(new Stroke(many))), "t"), "too many samples");
        assertThrows(StaleVersionException.class, () -> transcripts.sign(DETAINEE_SIDE, DETAINEE, 1, 2, signature(),
                "t"), "signing another version than the one shown");
        Transcript t = transcripts.transcript(DETAINEE_SIDE, DETAINEE, 1);
        assertEquals(TranscriptState.SUBMITTED, t.state());
        assertEquals(3, t.version());
    }

    @Test
    void aMissingFontKeepsTheSignatureAndSealsOnceFixed() {
        Transcripts broken = new Transcripts(new TranscriptUnit(db.db, emf), meetings,
                settings(dir.resolve("no-font.ttc")), new Signatures(200, 20000, 300_000), clock);
        broken.transcript(LAWYER_SIDE, LAWYER, 1);
        broken.save(LAWYER_SIDE, LAWYER, 1, new TranscriptDraft(1, "王芳", turns()));
        broken.submit(LAWYER_SIDE, LAWYER, 1, 2);
        TranscriptRefusedException e = assertThrows(TranscriptRefusedException.class,
                () -> broken.sign(DETAINEE_SIDE, DETAINEE, 1, 3, signature(), "t"));
        assertEquals("seal-failed", e.rule());
        Transcript t = broken.transcript(LAWYER_SIDE, LAWYER, 1);
        assertEquals(TranscriptState.SIGNED, t.state(), "the signature is kept");
        assertTrue(t.sealProblem().contains("no-font.ttc"));
        t = transcripts.seal(LAWYER_SIDE, LAWYER, 1);
        assertEquals(TranscriptState.SEALED, t.state());
        assertNull(t.sealProblem());
    }

    @Test
    void theSignatureIsDrawnWiderWherePressedHarder() throws Exception {
        List<StrokePoint> light = new ArrayList<>();
        List<StrokePoint> firm = new ArrayList<>();
        for (int i = 0; i <= 100; i++) {
            light.add(new StrokePoint(50 + i * 5, 60, 0.1, i * 5L));
            firm.add(new StrokePoint(50 + i * 5, 60, 1.0, i * 5L));
        }
        int lightInk = ink(Signatures.png(new SignatureInput(600, 200, List.of(new Stroke(light)))));
        int firmInk = ink(Signatures.png(new SignatureInput(600, 200, List.of(new Stroke(firm)))));
        assertTrue(firmInk > 2 * lightInk, "firm " + firmInk + " vs light " + lightInk);
    }

    /** veraPDF's failed rules for PDF/A-2u (empty when compliant). */
    static List<String> pdfaFailures(byte[] pdf) throws Exception {
        org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider.initialise();
        org.verapdf.pdfa.flavours.PDFAFlavour flavour = org.verapdf.pdfa.flavours.PDFAFlavour.PDFA_2_U;
        try (org.verapdf.pdfa.PDFAParser parser = org.verapdf.pdfa.Foundries.defaultInstance()
                .createParser(new java.io.ByteArrayInputStream(pdf), flavour);
                org.verapdf.pdfa.PDFAValidator validator = org.verapdf.pdfa.Foundries.defaultInstance()
                        .createValidator(flavour, false)) {
            org.verapdf.pdfa.results.ValidationResult result = validator.validate(parser);
            List<String> failures = new ArrayList<>();
            for (org.verapdf.pdfa.results.TestAssertion a : result.getTestAssertions()) {
                if (a.getStatus() == org.verapdf.pdfa.results.TestAssertion.Status.FAILED) {
                    failures.add(a.getRuleId().getClause() + "-" + a.getRuleId().getTestNumber() + " " + a.getMessage());
                }
            }
            if (!result.isCompliant() && failures.isEmpty()) {
                failures.add("not compliant");
            }
            return failures;
        }
    }

    static int ink(byte[] png) throws Exception {
        java.awt.image.BufferedImage img = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png));
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if ((img.getRGB(x, y) & 0xff) < 128) {
                    n++;
                }
            }
        }
        return n;
    }
}
