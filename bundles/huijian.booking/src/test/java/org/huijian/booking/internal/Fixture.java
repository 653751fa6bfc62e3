package org.huijian.booking.internal;

import org.huijian.store.internal.HandClock;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.persistence.EntityManagerFactory;
import org.apache.openjpa.persistence.PersistenceProviderImpl;
import org.huijian.accounts.AccountSpec;
import org.huijian.accounts.internal.DefaultAccountService;
import org.huijian.booking.BookingRequest;
import org.huijian.booking.DocumentKind;
import org.huijian.booking.LawyerRegistration;
import org.huijian.core.Actor;
import org.huijian.core.Role;
import org.huijian.directory.Case;
import org.huijian.directory.CaseSpec;
import org.huijian.directory.CaseStage;
import org.huijian.directory.Detainee;
import org.huijian.directory.DetaineeSpec;
import org.huijian.directory.Gender;
import org.huijian.directory.LawFirm;
import org.huijian.directory.LawFirmSpec;
import org.huijian.site.Centre;
import org.huijian.site.CentreSpec;
import org.huijian.site.DetentionCentre;
import org.huijian.site.DetentionCentreSpec;
import org.huijian.site.OpeningPeriod;
import org.huijian.site.Position;
import org.huijian.site.PositionSpec;
import org.huijian.site.TerminalKind;
import org.huijian.site.TerminalSpec;
import org.huijian.store.internal.JpaAccountStore;
import org.huijian.store.internal.JpaAuditLog;
import org.huijian.store.internal.JpaDirectoryService;
import org.huijian.store.internal.JpaSiteService;
import org.huijian.store.internal.TestDb;

/**
 * A small real site on a real Derby database with the real services: one centre with two positions, one
 * detention centre with one detainee terminal, two verified lawyers, two detainees with a case each. The
 * clock stands on Monday 2026-11-30 10:00 in Shanghai and can be moved.
 */
public final class Fixture implements AutoCloseable {
    public static final String PASSWORD = "Fixture-Pass-2026";
    public static final Actor ADMIN = new Actor("admin", Set.of(Role.SITE_ADMIN), "test");
    public static final Actor APPROVER = new Actor("approver", Set.of(Role.APPROVER), "test");
    public static final LocalDate TUESDAY = LocalDate.of(2026, 12, 1);

    public final TestDb db;
    public final EntityManagerFactory bookingEmf;
    public final JpaSiteService site;
    public final JpaDirectoryService directory;
    public final JpaAuditLog audit;
    public final DefaultAccountService accounts;
    public final HandClock clock = new HandClock(LocalDateTime.of(2026, 11, 30, 10, 0), ZoneId.of("Asia/Shanghai"));
    public final BookingUnit unit;
    public final DefaultBookingService bookings;
    public final DefaultDocumentService documents;
    public final DefaultQualificationService qualifications;
    public final Centre centre;
    public final DetentionCentre dc;
    public final List<Position> positions = new ArrayList<>();
    public final LawFirm firm;
    public final long lawyerA;
    public final long lawyerB;
    public final Actor a;
    public final Actor b;
    public final Detainee detainee1;
    public final Detainee detainee2;
    public final Case case1;
    public final Case case2;

    public Fixture(Path dir) throws SQLException {
        this(dir, Policy.defaults());
    }

    public Fixture(Path dir, Policy policy) throws SQLException {
        db = new TestDb(dir);
        bookingEmf = new PersistenceProviderImpl().createEntityManagerFactory("huijian-booking",
                Map.of("openjpa.ConnectionFactory", db.dataSource, "javax.persistence.nonJtaDataSource", db.dataSource,
                        "openjpa.Log", "slf4j"));
        site = new JpaSiteService(db.db);
        directory = new JpaDirectoryService(db.db);
        audit = new JpaAuditLog(db.db);
        accounts = new DefaultAccountService(new JpaAccountStore(db.db), audit, 20_000, 5, Duration.ofMinutes(15), 10,
                clock);
        unit = new BookingUnit(db.db, bookingEmf);
        bookings = new DefaultBookingService(unit, site, directory, accounts, policy, clock, false);
        documents = new DefaultDocumentService(unit, accounts, dir.resolve("documents"), policy.maxDocumentBytes(), clock);
        qualifications = new DefaultQualificationService(unit, directory, accounts, clock);

        centre = site.createCentre(ADMIN, new CentreSpec("GZ-TH", "天河区律师视频会见中心", null, null));
        dc = site.createDetentionCentre(ADMIN, new DetentionCentreSpec("GZ-KSS1", "广州市第一看守所", null, null));
        site.link(ADMIN, centre.id(), dc.id());
        for (int i = 1; i <= 2; i++) {
            Position p = site.createPosition(ADMIN, new PositionSpec(centre.id(), "P0" + i, "机位0" + i));
            positions.add(p);
            site.createTerminal(ADMIN, new TerminalSpec("L0" + i, "律师分机0" + i, TerminalKind.LAWYER, null, null, p.id()));
        }
        site.createTerminal(ADMIN, new TerminalSpec("D01", "在押分机01", TerminalKind.DETAINEE, null, dc.id(), null));
        List<OpeningPeriod> week = new ArrayList<>();
        for (DayOfWeek d : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY)) {
            week.add(new OpeningPeriod(d, LocalTime.of(9, 30), LocalTime.of(11, 30)));
            week.add(new OpeningPeriod(d, LocalTime.of(14, 0), LocalTime.of(16, 30)));
        }
        site.setOpeningHours(ADMIN, centre.id(), week);
        firm = directory.createLawFirm(ADMIN, new LawFirmSpec("广东天穗律师事务所", "31440000MD0123456X", null, null));
        lawyerA = register("陈志远", "44010619850612003", "14401201510000001", "chen.zhiyuan");
        lawyerB = register("林晓峰", "44010619880302001", "14401201510000002", "lin.xiaofeng");
        qualifications.verify(APPROVER, lawyerA, null);
        qualifications.verify(APPROVER, lawyerB, null);
        a = new Actor("chen.zhiyuan", Set.of(Role.LAWYER), "test");
        b = new Actor("lin.xiaofeng", Set.of(Role.LAWYER), "test");
        detainee1 = directory.createDetainee(ADMIN, new DetaineeSpec(dc.id(), "YK-001", "张伟明", Gender.MALE,
                LocalDate.of(1980, 1, 1), LocalDate.of(2026, 9, 1)));
        detainee2 = directory.createDetainee(ADMIN, new DetaineeSpec(dc.id(), "YK-002", "刘晓燕", Gender.FEMALE,
                LocalDate.of(1985, 5, 5), LocalDate.of(2026, 9, 2)));
        case1 = directory.createCase(ADMIN, new CaseSpec("穗天检刑诉〔2026〕1045号", detainee1.id(), "非法吸收公众存款罪",
                CaseStage.PROSECUTION_REVIEW, "广州市天河区人民检察院", false, false));
        case2 = directory.createCase(ADMIN, new CaseSpec("（2026）粤0106刑初1187号", detainee2.id(), "诈骗罪",
                CaseStage.TRIAL, "广州市天河区人民法院", false, false));
    }

    public long register(String name, String idFirst17, String licence, String username) {
        String id = idFirst17 + IdCard.checkCharacter(idFirst17);
        return qualifications.register(new LawyerRegistration(name, id, licence, firm.id(), "13800138000", username,
                PASSWORD, null, null), "test").lawyerId();
    }

    /** The two letters for a lawyer, uploaded as real (minimal) PDFs. */
    public List<Long> letters(Actor lawyer) {
        return List.of(documents.store(lawyer, null, DocumentKind.AUTHORISATION_LETTER, "委托书.pdf", pdf()).id(),
                documents.store(lawyer, null, DocumentKind.FIRM_LETTER, "律所公函.pdf", pdf()).id());
    }

    public static ByteArrayInputStream pdf() {
        return new ByteArrayInputStream(("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n"
                + "%%EOF\n").getBytes(StandardCharsets.ISO_8859_1));
    }

    public BookingRequest request(Detainee d, Case c, LocalDate date, int hour, int minute, int slots, List<Long> docs) {
        return new BookingRequest(null, d.id(), c.id(), centre.id(), date, LocalTime.of(hour, minute), slots, docs);
    }

    /** Adds an account of an existing lawyer with the lawyer role (for staff-created lawyers). */
    public void account(String username, long lawyerId) {
        accounts.create(ADMIN, new AccountSpec(username, username, Set.of(Role.LAWYER), lawyerId, null),
                PASSWORD.toCharArray());
    }

    @Override
    public void close() {
        bookings.deactivate();
        bookingEmf.close();
        db.close();
    }

}
