package org.huijian.demo.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.huijian.core.Role;
import org.huijian.demo.internal.DemoData.AccountRow;
import org.huijian.demo.internal.DemoData.CaseRow;
import org.huijian.demo.internal.DemoData.CentreRow;
import org.huijian.demo.internal.DemoData.DemoDataException;
import org.huijian.demo.internal.DemoData.DetaineeRow;
import org.huijian.demo.internal.DemoData.DetentionCentreRow;
import org.huijian.demo.internal.DemoData.LawyerRow;
import org.huijian.demo.internal.DemoData.PositionRow;
import org.huijian.demo.internal.DemoData.SpecialDayRow;
import org.huijian.demo.internal.DemoData.TerminalRow;
import org.huijian.directory.CaseStage;
import org.huijian.site.OpeningPeriod;
import org.huijian.site.TerminalKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The built-in demo data set is complete, consistent and valid; broken data is reported, not written. */
class DemoDataTest {

    private static final DemoData DATA = DemoData.load(DemoData.builtIn());

    @Test
    void everyDataFileIsInTheBundle() throws IOException {
        for (String file : DemoData.FILES) {
            try (InputStream in = DemoData.builtIn().open(file)) {
                assertNotNull(in, file);
            }
        }
    }

    @Test
    void threeGuangzhouCentresWithTheMarkerFirst() {
        assertEquals(List.of("GZ-TH", "GZ-BY", "GZ-NS"), DATA.centres().stream().map(CentreRow::code).toList());
        assertEquals("GZ-TH", DATA.marker().code());
        for (CentreRow c : DATA.centres()) {
            assertTrue(c.name().startsWith("广州市") && c.name().endsWith("律师视频会见中心"), c.name());
            assertTrue(c.address().startsWith("广州市"), c.address());
            assertTrue(c.phone().matches("020-\\d{8}"), c.phone());
        }
    }

    @Test
    void everyCentreLinksExactlyThreeDetentionCentresThatExist() {
        Set<String> dcs = DATA.detentionCentres().stream().map(DetentionCentreRow::code).collect(Collectors.toSet());
        Set<String> linkedSomewhere = new HashSet<>();
        for (CentreRow c : DATA.centres()) {
            assertEquals(3, c.detentionCentres().size(), c.code());
            assertEquals(3, Set.copyOf(c.detentionCentres()).size(), c.code());
            assertTrue(dcs.containsAll(c.detentionCentres()), c.code());
            linkedSomewhere.addAll(c.detentionCentres());
        }
        assertEquals(dcs, linkedSomewhere, "every detention centre is reachable from some centre");
    }

    @Test
    void detentionCentresAreGuangzhouKanshousuo() {
        assertTrue(DATA.detentionCentres().size() >= 6);
        for (DetentionCentreRow dc : DATA.detentionCentres()) {
            assertTrue(dc.name().startsWith("广州市") && dc.name().endsWith("看守所"), dc.name());
            assertTrue(dc.phone().matches("020-\\d{8}"), dc.phone());
            assertEquals(4, dc.detaineeTerminals(), dc.code());
        }
    }

    @Test
    void sixPositionsPerCentreEachWithALawyerTerminal() {
        for (CentreRow c : DATA.centres()) {
            List<PositionRow> positions = DemoData.positions(c);
            assertEquals(6, positions.size(), c.code());
            assertEquals(c.code() + "-P01", positions.get(0).code());
            assertEquals("机位 01", positions.get(0).name());
            assertEquals(c.code() + "-P06", positions.get(5).code());
            assertEquals("机位 06", positions.get(5).name());
        }
        Map<TerminalKind, Long> kinds = DATA.terminals().stream()
                .collect(Collectors.groupingBy(TerminalRow::kind, Collectors.counting()));
        assertEquals(18L, kinds.get(TerminalKind.LAWYER));
        assertEquals(3L, kinds.get(TerminalKind.CONSOLE));
        assertEquals(4L * DATA.detentionCentres().size(), kinds.get(TerminalKind.DETAINEE));
    }

    @Test
    void terminalsStandWhereTheirKindSaysAndHaveUniqueCodesThatFit() {
        Set<String> codes = new HashSet<>();
        for (TerminalRow t : DATA.terminals()) {
            assertTrue(codes.add(t.code()), "duplicate " + t.code());
            assertTrue(t.code().length() <= 32 && t.code().matches("[A-Z0-9-]+"), t.code());
            switch (t.kind()) {
                case LAWYER -> assertTrue(t.centre() != null && t.position() != null && t.detentionCentre() == null);
                case DETAINEE -> assertTrue(t.centre() == null && t.position() == null && t.detentionCentre() != null);
                case CONSOLE -> assertTrue(t.centre() != null && t.position() == null && t.detentionCentre() == null);
                default -> throw new AssertionError(t.kind());
            }
        }
    }

    @Test
    void workdayHoursAtEveryCentre() {
        List<OpeningPeriod> expected = new java.util.ArrayList<>();
        for (DayOfWeek day : EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY)) {
            expected.add(new OpeningPeriod(day, LocalTime.of(9, 30), LocalTime.of(11, 30)));
            expected.add(new OpeningPeriod(day, LocalTime.of(14, 0), LocalTime.of(16, 30)));
        }
        assertEquals(Set.of("GZ-TH", "GZ-BY", "GZ-NS"), DATA.openingHours().keySet());
        DATA.openingHours().forEach((centre, hours) -> assertEquals(expected, hours, centre));
    }

    @Test
    void holidaysOf2026AsPublishedWithUniqueDates() {
        List<SpecialDayRow> days = DATA.specialDays();
        assertEquals(days.size(), days.stream().map(SpecialDayRow::date).distinct().count());
        Set<LocalDate> closed = days.stream().filter(d -> !d.open()).map(SpecialDayRow::date)
                .collect(Collectors.toSet());
        Set<LocalDate> workdays = days.stream().filter(SpecialDayRow::open).map(SpecialDayRow::date)
                .collect(Collectors.toSet());
        // 元旦 3 + 春节 9 + 清明 3 + 劳动节 5 + 端午 3 + 中秋 3 + 国庆 7
        assertEquals(33, closed.size());
        assertEquals(Set.of(date("2026-01-04"), date("2026-02-14"), date("2026-02-28"), date("2026-05-09"),
                date("2026-09-20"), date("2026-10-10")), workdays);
        for (String d : List.of("2026-01-01", "2026-02-15", "2026-02-17", "2026-02-23", "2026-04-06", "2026-05-05",
                "2026-06-19", "2026-09-25", "2026-10-01", "2026-10-07")) {
            assertTrue(closed.contains(date(d)), d);
        }
        assertFalse(closed.contains(date("2026-02-24")));
        for (LocalDate d : workdays) {
            assertTrue(d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY, d.toString());
        }
        assertTrue(days.stream().allMatch(d -> !d.name().isBlank()));
    }

    @Test
    void lawFirmsAndLawyersAreWellFormed() {
        assertTrue(DATA.lawFirms().size() >= 3 && DATA.lawFirms().size() <= 4);
        assertEquals(6, DATA.lawyers().size());
        Set<String> firms = DATA.lawFirms().stream().map(DemoData.LawFirmRow::licenceNo).collect(Collectors.toSet());
        for (LawyerRow l : DATA.lawyers()) {
            assertTrue(l.licenceNo().matches("\\d{17}"), l.licenceNo());
            assertTrue(l.mobile().matches("1[3-9]\\d{9}"), l.mobile());
            assertTrue(firms.contains(l.lawFirm()), l.name());
        }
        assertEquals(6, DATA.lawyers().stream().map(LawyerRow::licenceNo).distinct().count());
        DATA.lawFirms().forEach(f -> assertTrue(f.name().endsWith("律师事务所"), f.name()));
    }

    @Test
    void detaineesAreSpreadOverTheDetentionCentresAndAreAdults() {
        assertEquals(12, DATA.detainees().size());
        Set<String> held = DATA.detainees().stream().map(DetaineeRow::detentionCentre).collect(Collectors.toSet());
        assertEquals(DATA.detentionCentres().stream().map(DetentionCentreRow::code).collect(Collectors.toSet()), held);
        for (DetaineeRow d : DATA.detainees()) {
            assertTrue(Period.between(d.birthDate(), d.admittedOn()).getYears() >= 18, d.name());
            assertFalse(d.admittedOn().isAfter(LocalDate.of(2026, 11, 28)), d.name());
        }
        assertTrue(DATA.detainees().stream().anyMatch(d -> d.gender() == org.huijian.directory.Gender.FEMALE));
    }

    @Test
    void everyDetaineeHasOneCaseInARealFormat() {
        Map<String, Long> perDetainee = DATA.cases().stream()
                .collect(Collectors.groupingBy(c -> c.detentionCentre() + "/" + c.detainee(), Collectors.counting()));
        assertEquals(DATA.detainees().size(), perDetainee.size());
        assertTrue(perDetainee.values().stream().allMatch(n -> n == 1));
        Pattern police = Pattern.compile("穗(公[天白南]?|国安)刑立字〔2026〕\\d{5}号");
        Pattern procuratorate = Pattern.compile("穗[天白南]?检刑诉〔2026〕\\d{3,4}号");
        Pattern court = Pattern.compile("（2026）粤01(\\d{2})?刑初\\d{1,4}号");
        for (CaseRow c : DATA.cases()) {
            Pattern expected = switch (c.stage()) {
                case INVESTIGATION -> police;
                case PROSECUTION_REVIEW -> procuratorate;
                case TRIAL -> court;
            };
            assertTrue(expected.matcher(c.caseNo()).matches(), c.caseNo() + " for " + c.stage());
            assertTrue(c.charge().endsWith("罪"), c.charge());
            String authority = c.handlingAuthority();
            assertTrue(switch (c.stage()) {
                case INVESTIGATION -> authority.contains("公安") || authority.contains("国家安全");
                case PROSECUTION_REVIEW -> authority.endsWith("人民检察院");
                case TRIAL -> authority.endsWith("人民法院");
            }, authority + " for " + c.stage());
        }
        assertEquals(Set.of(CaseStage.values()),
                DATA.cases().stream().map(CaseRow::stage).collect(Collectors.toSet()));
    }

    @Test
    void someInvestigationNeedsTheInvestigatingAuthoritysPermission() {
        List<CaseRow> restricted = DATA.cases().stream()
                .filter(c -> c.stage() == CaseStage.INVESTIGATION)
                .filter(c -> c.charge().contains("恐怖") || c.charge().contains("国家秘密")
                        || c.handlingAuthority().contains("国家安全"))
                .toList();
        assertTrue(restricted.size() >= 1);
        assertEquals(restricted, DATA.cases().stream().filter(CaseRow::approvalRequired).toList(),
                "exactly these cases are flagged approval-required");
        assertTrue(DATA.cases().stream().anyMatch(CaseRow::interpreterNeeded), "one detainee needs an interpreter");
    }

    @Test
    void oneAccountPerRoleWithTheLawyerLinkedToTheFirstLawyer() {
        Map<String, AccountRow> accounts = DATA.accounts().stream()
                .collect(Collectors.toMap(AccountRow::username, Function.identity()));
        assertEquals(Set.of("admin", "approver", "supervisor", "lawyer", "auditor", "terminal", "integration"),
                accounts.keySet());
        assertEquals(EnumSet.allOf(Role.class), DATA.accounts().stream().flatMap(a -> a.roles().stream())
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class))));
        assertEquals(Set.of(Role.SITE_ADMIN), accounts.get("admin").roles());
        assertEquals(DATA.lawyers().get(0).licenceNo(), accounts.get("lawyer").lawyer());
        DATA.accounts().forEach(a -> assertTrue(a.displayName().codePoints().anyMatch(
                cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN), a.username()));
    }

    // --- broken data is reported with file and line, all problems at once

    @Test
    void aFolderOverridesSomeFilesAndTheRestComeFromTheBundle(@TempDir Path folder) throws IOException {
        Files.writeString(folder.resolve("centres.csv"), """
                code,name,address,phone,positions,detentionCentres
                SZ-FT,深圳市福田区律师视频会见中心,深圳市福田区,0755-88881234,2,GZ-KSS1
                """, StandardCharsets.UTF_8);
        DemoData data = DemoData.load(DemoData.folder(folder));
        assertEquals("SZ-FT", data.marker().code());
        assertEquals(2, DemoData.positions(data.marker()).size());
        assertEquals(DATA.lawyers(), data.lawyers());
    }

    @Test
    void reportsEveryProblemWithFileAndLine(@TempDir Path folder) throws IOException {
        Files.writeString(folder.resolve("lawyers.csv"), """
                licenceNo,name,lawFirm,mobile
                1440120121012345,陈志远,广东穗衡律师事务所,13800200101
                14401201500234567,林晓雯,没有这个律师事务所,23800200102
                """, StandardCharsets.UTF_8);
        Files.writeString(folder.resolve("centres.csv"), """
                # comment
                code,name,address,phone,positions,detentionCentres
                GZ-TH,广州市天河区律师视频会见中心,广州市天河区,020-38861200,6,GZ-KSS1;GZ-NOWHERE
                gz-by,广州市白云区律师视频会见中心,广州市白云区,020-36552300,0,GZ-KSS2
                """, StandardCharsets.UTF_8);
        Files.writeString(folder.resolve("special-days.csv"), """
                date,name,type
                2026-10-01..2026-10-07,国庆节,holiday
                2026-10-07,国庆节,holiday
                2026-10-09,调休,workday
                2026-13-01,无效,holiday
                """, StandardCharsets.UTF_8);
        Files.writeString(folder.resolve("cases.csv"), """
                caseNo,detentionCentre,detainee,charge,stage,handlingAuthority,flags
                穗公天刑立字〔2026〕09999号,GZ-TH-KSS,TH-0000,盗窃罪,ARREST,广州市公安局天河区分局,secret
                """, StandardCharsets.UTF_8);
        DemoDataException e = assertThrows(DemoDataException.class, () -> DemoData.load(DemoData.folder(folder)));
        List<String> problems = e.problems();
        assertContains(problems, "lawyers.csv:2: licenceNo: '1440120121012345' must be 17 digits");
        assertContains(problems, "lawyers.csv:3: lawFirm: no law firm named '没有这个律师事务所'");
        assertContains(problems, "lawyers.csv:3: mobile: '23800200102' must be 11 digits starting with 1");
        assertContains(problems, "centres.csv:3: detentionCentres: no detention centre GZ-NOWHERE");
        assertContains(problems, "centres.csv:4: code: 'gz-by' must be A-Z, 0-9 and '-'");
        assertContains(problems, "centres.csv:4: positions: '0' must be a whole number from 1 to 99");
        assertContains(problems, "special-days.csv:3: date: 2026-10-07 is listed twice");
        assertContains(problems, "special-days.csv:4: date: 2026-10-09 is a FRIDAY");
        assertContains(problems, "special-days.csv:5: date: '2026-13-01' must be a date");
        assertContains(problems, "cases.csv:2: detainee: no detainee TH-0000 in GZ-TH-KSS");
        assertContains(problems, "cases.csv:2: stage: 'ARREST' must be one of");
        assertContains(problems, "cases.csv:2: flags: unknown flags [secret]");
        // the lawyer account now points at a lawyer that was rejected
        assertContains(problems, "accounts.csv:13: lawyer: no lawyer with licence 14401201210123456");
    }

    @Test
    void overlappingHoursAndMissingColumnsAreReported(@TempDir Path folder) throws IOException {
        Files.writeString(folder.resolve("opening-hours.csv"), """
                centre,days,start,end
                *,MONDAY..FRIDAY,09:30,11:30
                GZ-TH,WEDNESDAY,11:00,12:00
                GZ-XX,SUNDAY..MONDAY,12:00,11:00
                """, StandardCharsets.UTF_8);
        Files.writeString(folder.resolve("law-firms.csv"), "licenceNo,name\n", StandardCharsets.UTF_8);
        List<String> problems = assertThrows(DemoDataException.class,
                () -> DemoData.load(DemoData.folder(folder))).problems();
        assertContains(problems, "opening-hours.csv:3: start: overlaps 09:30–11:30 on WEDNESDAY at GZ-TH");
        assertContains(problems, "opening-hours.csv:4: centre: must be * or a centre code");
        assertContains(problems, "opening-hours.csv:4: days: 'SUNDAY..MONDAY' must be a day");
        assertContains(problems, "opening-hours.csv:4: end: must be after start");
        assertContains(problems, "law-firms.csv:1: missing column(s) address, phone");
    }

    private static void assertContains(List<String> problems, String start) {
        assertTrue(problems.stream().anyMatch(p -> p.startsWith(start)), "no problem '" + start + "' in " + problems);
    }

    private static LocalDate date(String text) {
        return LocalDate.parse(text);
    }
}
