package org.huijian.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import org.huijian.core.Actor;
import org.huijian.core.ConflictException;
import org.huijian.core.InvalidInputException;
import org.huijian.core.NotFoundException;
import org.huijian.core.Role;
import org.huijian.site.Centre;
import org.huijian.site.CentreSpec;
import org.huijian.site.DetentionCentre;
import org.huijian.site.DetentionCentreSpec;
import org.huijian.site.OpeningPeriod;
import org.huijian.site.Position;
import org.huijian.site.PositionSpec;
import org.huijian.site.SpecialDaySpec;
import org.huijian.site.TerminalKind;
import org.huijian.site.TerminalSpec;
import org.huijian.site.TimeRange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteServiceTest {
    static final Actor ADMIN = new Actor("admin", Set.of(Role.SITE_ADMIN), "test");
    static final LocalTime T0930 = LocalTime.of(9, 30), T1130 = LocalTime.of(11, 30), T1400 = LocalTime.of(14, 0),
            T1630 = LocalTime.of(16, 30);

    @TempDir
    Path dir;
    TestDb t;
    JpaSiteService site;
    JpaAuditLog audit;

    @BeforeEach
    void open() throws SQLException {
        t = new TestDb(dir);
        site = new JpaSiteService(t.db);
        audit = new JpaAuditLog(t.db);
    }

    @AfterEach
    void close() {
        t.close();
    }

    @Test
    void createsAndAuditsACentre() {
        Centre c = site.createCentre(ADMIN, new CentreSpec("GZ-TH", " 天河区律师视频会见中心 ", "天河路1号", "020-12345678"));
        assertEquals("天河区律师视频会见中心", c.name(), "names are trimmed");
        assertEquals(c, site.centre(c.id()));
        assertEquals(c, site.centreByCode("GZ-TH").orElseThrow());
        var event = audit.latest(null, 1).get(0);
        assertEquals("centre.create", event.action());
        assertEquals("centre:GZ-TH", event.target());
        assertEquals("admin", event.actor());
    }

    @Test
    void badInputNamesEveryFieldAndWritesNothing() {
        long before = audit.latest(null, 1000).size();
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> site.createCentre(ADMIN, new CentreSpec("bad code!", "", "x".repeat(201), "abc")));
        assertEquals(List.of("code", "name", "address", "phone"),
                e.violations().stream().map(InvalidInputException.Violation::field).toList());
        assertEquals(0, site.centres().size());
        assertEquals(before, audit.latest(null, 1000).size());
    }

    @Test
    void duplicateCodeIsAConflictAndWritesNothing() {
        site.createCentre(ADMIN, new CentreSpec("GZ-TH", "天河", null, null));
        long events = audit.latest(null, 1000).size();
        ConflictException e = assertThrows(ConflictException.class,
                () -> site.createCentre(ADMIN, new CentreSpec("GZ-TH", "另一个", null, null)));
        assertEquals("code", e.field());
        assertEquals(1, site.centres().size());
        assertEquals(events, audit.latest(null, 1000).size());
    }

    @Test
    void onlySiteAdministratorsChangeTheSite() {
        Actor auditor = new Actor("auditor", Set.of(Role.AUDITOR), "test");
        assertThrows(org.huijian.core.AccessDeniedException.class,
                () -> site.createCentre(auditor, new CentreSpec("GZ-TH", "天河", null, null)));
        assertEquals(0, site.centres().size());
        assertEquals(0, audit.latest(null, 10).size());
        assertEquals("GZ-TH", site.createCentre(Actor.SYSTEM, new CentreSpec("GZ-TH", "天河", null, null)).code(),
                "the platform itself may act");
    }

    @Test
    void unknownIdsAreNotFound() {
        assertThrows(NotFoundException.class, () -> site.centre(999));
        assertThrows(NotFoundException.class, () -> site.link(ADMIN, 1, 2));
        assertThrows(NotFoundException.class, () -> site.createPosition(ADMIN, new PositionSpec(999L, "P1", "机位1")));
    }

    @Test
    void linksCentresAndDetentionCentres() {
        Centre c = site.createCentre(ADMIN, new CentreSpec("GZ-TH", "天河", null, null));
        DetentionCentre d1 = site.createDetentionCentre(ADMIN, new DetentionCentreSpec("GZ-KS1", "第一看守所", null, null));
        DetentionCentre d2 = site.createDetentionCentre(ADMIN, new DetentionCentreSpec("GZ-KS2", "第二看守所", null, null));
        site.link(ADMIN, c.id(), d1.id());
        site.link(ADMIN, c.id(), d2.id());
        long events = audit.latest(null, 1000).size();
        site.link(ADMIN, c.id(), d2.id());
        assertEquals(events, audit.latest(null, 1000).size(), "linking twice is a no-op and not audited");
        assertEquals(List.of(d1, d2), site.linkedDetentionCentres(c.id()));
        site.unlink(ADMIN, c.id(), d1.id());
        assertEquals(List.of(d2), site.linkedDetentionCentres(c.id()));
        assertEquals(List.of(c), site.linkedCentres(d2.id()));
    }

    @Test
    void terminalsFollowTheirKindsRules() {
        Centre c = site.createCentre(ADMIN, new CentreSpec("GZ-TH", "天河", null, null));
        DetentionCentre d = site.createDetentionCentre(ADMIN, new DetentionCentreSpec("GZ-KS1", "第一看守所", null, null));
        Position p = site.createPosition(ADMIN, new PositionSpec(c.id(), "GZ-TH-P01", "机位01"));
        var lawyerTerminal = site.createTerminal(ADMIN,
                new TerminalSpec("T-L1", "律师分机1", TerminalKind.LAWYER, null, null, p.id()));
        assertEquals(c.id(), lawyerTerminal.centreId(), "a lawyer terminal is in its position's centre");
        assertThrows(ConflictException.class, () -> site.createTerminal(ADMIN,
                new TerminalSpec("T-L2", "律师分机2", TerminalKind.LAWYER, null, null, p.id())));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> site.createTerminal(ADMIN,
                new TerminalSpec("T-D1", "在押分机", TerminalKind.DETAINEE, c.id(), null, null)));
        assertEquals(List.of("detentionCentreId", "centreId"),
                e.violations().stream().map(InvalidInputException.Violation::field).toList());
        assertThrows(InvalidInputException.class, () -> site.createTerminal(ADMIN,
                new TerminalSpec("T-C1", "控制台", TerminalKind.CONSOLE, c.id(), d.id(), null)));
        var detaineeTerminal = site.createTerminal(ADMIN,
                new TerminalSpec("T-D1", "在押分机1", TerminalKind.DETAINEE, null, d.id(), null));
        assertEquals(false, site.setTerminalEnabled(ADMIN, detaineeTerminal.id(), false).enabled());
        assertEquals(2, site.terminals().size());
    }

    @Test
    void openingHoursHolidaysAndMakeUpDays() {
        Centre c = site.createCentre(ADMIN, new CentreSpec("GZ-TH", "天河", null, null));
        List<OpeningPeriod> week = new java.util.ArrayList<>();
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY)) {
            week.add(new OpeningPeriod(day, T1400, T1630));
            week.add(new OpeningPeriod(day, T0930, T1130));
        }
        List<OpeningPeriod> saved = site.setOpeningHours(ADMIN, c.id(), week);
        assertEquals(new OpeningPeriod(DayOfWeek.MONDAY, T0930, T1130), saved.get(0), "sorted by day and start");
        assertEquals(10, site.openingHours(c.id()).size());

        LocalDate tuesday = LocalDate.of(2026, 12, 1);
        assertEquals(List.of(new TimeRange(T0930, T1130), new TimeRange(T1400, T1630)), site.openingOn(c.id(), tuesday));
        assertEquals(List.of(), site.openingOn(c.id(), LocalDate.of(2026, 12, 5)), "closed on Saturday");

        site.addSpecialDay(ADMIN, new SpecialDaySpec(tuesday, "测试假日", false, null));
        assertEquals(List.of(), site.openingOn(c.id(), tuesday), "a site-wide holiday closes the centre");
        LocalDate saturday = LocalDate.of(2026, 12, 5);
        site.addSpecialDay(ADMIN, new SpecialDaySpec(saturday, "调休上班", true, c.id()));
        assertEquals(2, site.openingOn(c.id(), saturday).size(), "a make-up working day opens with weekday hours");
        assertThrows(ConflictException.class,
                () -> site.addSpecialDay(ADMIN, new SpecialDaySpec(tuesday, "重复", false, null)));
        assertEquals(2, site.specialDays(c.id(), tuesday, saturday).size());
    }

    @Test
    void overlappingPeriodsAreRefused() {
        Centre c = site.createCentre(ADMIN, new CentreSpec("GZ-TH", "天河", null, null));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> site.setOpeningHours(ADMIN, c.id(),
                List.of(new OpeningPeriod(DayOfWeek.MONDAY, T0930, T1400), new OpeningPeriod(DayOfWeek.MONDAY, T1130, T1630),
                        new OpeningPeriod(DayOfWeek.TUESDAY, T1630, T1400))));
        assertTrue(e.getMessage().contains("periods[2].end: must be after start"), e.getMessage());
        InvalidInputException overlap = assertThrows(InvalidInputException.class, () -> site.setOpeningHours(ADMIN,
                c.id(), List.of(new OpeningPeriod(DayOfWeek.MONDAY, T0930, T1400),
                        new OpeningPeriod(DayOfWeek.MONDAY, T1130, T1630))));
        assertTrue(overlap.getMessage().contains("overlaps"), overlap.getMessage());
        assertEquals(0, site.openingHours(c.id()).size());
    }
}
