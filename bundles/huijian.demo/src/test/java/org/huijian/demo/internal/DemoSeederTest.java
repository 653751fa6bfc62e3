package org.huijian.demo.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.huijian.accounts.Account;
import org.huijian.accounts.AccountSpec;
import org.huijian.accounts.Authentication.Outcome;
import org.huijian.audit.AuditEvent;
import org.huijian.audit.ChainVerification;
import org.huijian.core.Actor;
import org.huijian.core.Role;
import org.huijian.demo.internal.DemoData.AccountRow;
import org.huijian.demo.internal.DemoData.CaseRow;
import org.huijian.demo.internal.DemoData.CentreRow;
import org.huijian.demo.internal.DemoData.DetaineeRow;
import org.huijian.demo.internal.DemoData.DetentionCentreRow;
import org.huijian.demo.internal.DemoData.LawFirmRow;
import org.huijian.demo.internal.DemoData.LawyerRow;
import org.huijian.demo.internal.DemoData.PositionRow;
import org.huijian.demo.internal.DemoData.SpecialDayRow;
import org.huijian.demo.internal.DemoData.TerminalRow;
import org.huijian.directory.Case;
import org.huijian.directory.Detainee;
import org.huijian.directory.LawFirm;
import org.huijian.directory.LawFirmSpec;
import org.huijian.directory.Lawyer;
import org.huijian.directory.LawyerSpec;
import org.huijian.site.Centre;
import org.huijian.site.CentreSpec;
import org.huijian.site.DetentionCentre;
import org.huijian.site.DetentionCentreSpec;
import org.huijian.site.Position;
import org.huijian.site.PositionSpec;
import org.huijian.site.SpecialDaySpec;
import org.huijian.site.Terminal;
import org.huijian.site.TerminalKind;
import org.huijian.site.TerminalSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seeder against the real site, directory and account services on a real Derby database:
 * complete, idempotent, resumable, and every write an intact audit event.
 */
class DemoSeederTest {
    private static final DemoData DATA = DemoData.load(DemoData.builtIn());
    private static final String PASSWORD = "Demo#Pass-2026.ok";
    private static final List<String> ALL_ACCOUNTS = List.of("admin", "approver", "supervisor", "lawyer", "auditor",
            "terminal", "integration");
    /** What the whole demo data set is, counted back from the database. */
    private static final Map<String, Integer> COMPLETE = counts(3, 6, 9, 18, 18 + 3 + 24, 3, 39, 4, 6, 12, 12, 7);
    /** One audit event per record written, link and set of opening hours. */
    private static final int EVENTS = 7 + 39 + 6 + 24 + 4 + 6 + 12 + 12 + 3 + 9 + 18 + 18 + 3 + 3;

    @TempDir
    Path dir;
    private RealSite real;
    private final List<List<String>> passwordRequests = new ArrayList<>();

    @BeforeEach
    void open() throws SQLException {
        real = new RealSite(dir);
    }

    @AfterEach
    void close() {
        real.close();
    }

    private DemoSeeder.Outcome seed() {
        return seed(PASSWORD);
    }

    private DemoSeeder.Outcome seed(String password) {
        return new DemoSeeder(real.site, real.directory, real.accounts, DemoSite.ACTOR).seed(DATA, usernames -> {
            passwordRequests.add(usernames);
            return password.toCharArray();
        });
    }

    private static Map<String, Integer> counts(int centres, int dcs, int links, int positions, int terminals,
            int centresWithHours, int specialDays, int firms, int lawyers, int detainees, int cases, int accounts) {
        Map<String, Integer> n = new LinkedHashMap<>();
        n.put("centres", centres);
        n.put("detention centres", dcs);
        n.put("links", links);
        n.put("positions", positions);
        n.put("terminals", terminals);
        n.put("centres with hours", centresWithHours);
        n.put("special days", specialDays);
        n.put("law firms", firms);
        n.put("lawyers", lawyers);
        n.put("detainees", detainees);
        n.put("cases", cases);
        n.put("accounts", accounts);
        return n;
    }

    private void assertChainIntact(int events) {
        ChainVerification chain = real.audit.verify();
        assertTrue(chain.intact(), () -> "audit chain broken at " + chain.firstBrokenSeq() + ": " + chain.problem());
        assertEquals(events, chain.checked());
    }

    @Test
    void seedsTheWholeDataSetWithTheMarkerCentreLastAndAnIntactAuditChain() {
        DemoSeeder.Outcome outcome = seed();

        assertFalse(outcome.alreadySeeded());
        assertEquals(COMPLETE, real.counts());
        for (Centre c : real.site.centres()) {
            assertEquals(10, real.site.openingHours(c.id()).size(), c.code() + ": Mon-Fri, two periods a day");
        }
        assertEquals(List.of(ALL_ACCOUNTS), passwordRequests);
        assertEquals("Demo site seeded: created 3 centres, 6 detention centres, 18 positions, 45 terminals, "
                + "39 special days, 4 law firms, 6 lawyers, 12 detainees, 12 cases, 7 accounts", outcome.summary());

        List<AuditEvent> events = real.events();
        assertEquals(EVENTS, events.size());
        events.forEach(e -> assertEquals("demo/demo", e.actor() + "/" + e.origin(), e::toString));
        assertEquals(List.of("admin", "approver", "supervisor", "auditor", "terminal", "integration").stream()
                .map(u -> "account.create account:" + u).toList(),
                events.subList(0, 6).stream().map(e -> e.action() + " " + e.target()).toList(),
                "accounts without a lawyer come first");
        int lawyerAccount = indexOf(events, "account.create", "account:lawyer");
        int lastCase = lastIndexOf(events, "case.create", null);
        assertTrue(lawyerAccount > lastCase, "the lawyer's account waits for the lawyers");
        assertEquals("centre:GZ-TH", events.get(lastIndexOf(events, "centre.create", null)).target(),
                "the marker centre is created last");
        assertTrue(lastIndexOf(events, "centre.create", null) > lawyerAccount);
        assertChainIntact(EVENTS);
    }

    @Test
    void recordsMatchTheDataFiles() {
        seed();
        for (CentreRow row : DATA.centres()) {
            Centre c = real.site.centreByCode(row.code()).orElseThrow();
            assertEquals(row.name(), c.name());
            assertEquals(Set.copyOf(row.detentionCentres()), real.site.linkedDetentionCentres(c.id()).stream()
                    .map(DetentionCentre::code).collect(Collectors.toSet()), row.code());
            assertEquals(DemoData.positions(row).stream().map(PositionRow::code).toList(),
                    real.site.positions(c.id()).stream().map(Position::code).sorted().toList());
        }
        for (LawyerRow row : DATA.lawyers()) {
            Lawyer l = real.directory.lawyerByLicence(row.licenceNo()).orElseThrow();
            assertEquals(row.name(), l.name());
            assertEquals(row.lawFirm(), real.directory.lawFirm(l.lawFirmId()).licenceNo(), row.name());
        }
        for (CaseRow row : DATA.cases()) {
            long dcId = real.site.detentionCentreByCode(row.detentionCentre()).orElseThrow().id();
            Detainee d = real.directory.detainees(dcId).stream().filter(x -> x.code().equals(row.detainee()))
                    .findFirst().orElseThrow();
            Case c = real.directory.cases(d.id()).stream().filter(x -> x.caseNo().equals(row.caseNo()))
                    .findFirst().orElseThrow(() -> new AssertionError("no case " + row.caseNo() + " of " + d.code()));
            assertEquals(row.stage(), c.stage());
        }
    }

    @Test
    void accountsGetTheirRolesThePasswordAndTheFirstLawyer() {
        seed();
        for (AccountRow row : DATA.accounts()) {
            Account a = real.accounts.account(row.username());
            assertEquals(row.displayName(), a.displayName());
            assertEquals(row.roles(), a.roles());
            assertFalse(a.mustChangePassword(), row.username());
            assertEquals(Outcome.OK, real.accounts.authenticate(row.username(), PASSWORD.toCharArray(), "test")
                    .outcome(), row.username());
        }
        assertEquals(Outcome.BAD_CREDENTIALS, real.accounts.authenticate("admin", "Wrong#Pass-2026".toCharArray(),
                "test").outcome());
        Account lawyer = real.accounts.account("lawyer");
        assertEquals(Set.of(Role.LAWYER), lawyer.roles());
        assertEquals(real.directory.lawyerByLicence(DATA.lawyers().get(0).licenceNo()).orElseThrow().id(),
                lawyer.lawyerId());
        assertNull(real.accounts.account("admin").lawyerId());
    }

    @Test
    void terminalsArePlacedByKind() {
        seed();
        List<Terminal> terminals = real.site.terminals();
        for (Terminal t : terminals) {
            switch (t.kind()) {
                case LAWYER -> {
                    assertTrue(t.code().matches("GZ-(TH|BY|NS)-P0[1-6]-L"), t::toString);
                    Position p = real.site.positions(t.centreId()).stream()
                            .filter(x -> x.id() == t.positionId()).findFirst().orElseThrow();
                    assertEquals(t.code(), p.code() + "-L");
                }
                case CONSOLE -> assertTrue(t.code().endsWith("-CONSOLE") && t.centreId() != null
                        && t.detentionCentreId() == null, t::toString);
                case DETAINEE -> assertTrue(t.detentionCentreId() != null && t.centreId() == null, t::toString);
                default -> throw new AssertionError(t);
            }
        }
        Map<TerminalKind, Long> byKind = terminals.stream()
                .collect(Collectors.groupingBy(Terminal::kind, Collectors.counting()));
        assertEquals(Map.of(TerminalKind.LAWYER, 18L, TerminalKind.CONSOLE, 3L, TerminalKind.DETAINEE, 24L), byKind);
    }

    @Test
    void aSecondRunDoesNothing() {
        seed();
        List<AuditEvent> before = real.events();
        DemoSeeder.Outcome again = seed();
        assertTrue(again.alreadySeeded());
        assertEquals("Demo site already in place (centre GZ-TH exists); nothing to do", again.summary());
        assertEquals(before, real.events());
        assertEquals(COMPLETE, real.counts());
        assertEquals(1, passwordRequests.size(), "no password asked for");
        assertChainIntact(EVENTS);
    }

    @Test
    void anExistingAdminIsLeftAlone() {
        Actor installer = new Actor("installer", Set.of(Role.SITE_ADMIN), "test");
        real.accounts.create(installer, new AccountSpec("admin", "首任管理员", Set.of(Role.SITE_ADMIN), null, null),
                "First#Root-2026".toCharArray());

        DemoSeeder.Outcome outcome = seed();

        assertEquals(COMPLETE, real.counts());
        assertEquals("首任管理员", real.accounts.account("admin").displayName());
        assertEquals(List.of(List.of("approver", "supervisor", "lawyer", "auditor", "terminal", "integration")),
                passwordRequests);
        assertEquals(Outcome.BAD_CREDENTIALS, real.accounts.authenticate("admin", PASSWORD.toCharArray(), "t")
                .outcome(), "the demo password is not given to the existing admin");
        assertEquals(Outcome.OK, real.accounts.authenticate("admin", "First#Root-2026".toCharArray(), "t").outcome());
        assertEquals(Outcome.OK, real.accounts.authenticate("approver", PASSWORD.toCharArray(), "t").outcome());
        assertEquals(6, outcome.created().get("accounts"));
        assertTrue(outcome.summary().endsWith("6 accounts; kept 1 existing record(s) with the same key"),
                outcome.summary());
    }

    /**
     * The state a run leaves when it stops half-way — written here with the real services, in the
     * seeder's own order, as the demo actor: the accounts without a lawyer, the special days, half of
     * the detention centres with their terminals, half of the law firms, one lawyer, and the first
     * centre to be created (GZ-BY) with one link and two of its six positions.
     */
    private int writeFirstHalf() {
        Actor demo = DemoSite.ACTOR;
        int written = 0;
        for (AccountRow a : DATA.accounts()) {
            if (a.lawyer() == null) {
                real.accounts.create(demo, new AccountSpec(a.username(), a.displayName(), a.roles(), null, null),
                        PASSWORD.toCharArray());
                written++;
            }
        }
        for (SpecialDayRow d : DATA.specialDays()) {
            real.site.addSpecialDay(demo, new SpecialDaySpec(d.date(), d.name(), d.open(), null));
            written++;
        }
        for (DetentionCentreRow row : DATA.detentionCentres().subList(0, 3)) {
            DetentionCentre dc = real.site.createDetentionCentre(demo,
                    new DetentionCentreSpec(row.code(), row.name(), row.address(), row.phone()));
            written++;
            for (TerminalRow t : DemoData.detaineeTerminals(row)) {
                real.site.createTerminal(demo, new TerminalSpec(t.code(), t.name(), t.kind(), null, dc.id(), null));
                written++;
            }
        }
        Map<String, Long> firms = new LinkedHashMap<>();
        for (LawFirmRow f : DATA.lawFirms().subList(0, 2)) {
            LawFirm firm = real.directory.createLawFirm(demo,
                    new LawFirmSpec(f.name(), f.licenceNo(), f.address(), f.phone()));
            firms.put(f.licenceNo(), firm.id());
            written++;
        }
        LawyerRow first = DATA.lawyers().stream().filter(l -> firms.containsKey(l.lawFirm())).findFirst()
                .orElseThrow();
        real.directory.createLawyer(demo, new LawyerSpec(first.name(), first.licenceNo(), firms.get(first.lawFirm()),
                first.mobile()));
        written++;
        CentreRow by = DATA.centres().get(1);
        assertEquals("GZ-BY", by.code());
        Centre centre = real.site.createCentre(demo, new CentreSpec(by.code(), by.name(), by.address(), by.phone()));
        written++;
        DetentionCentre linked = real.site.detentionCentreByCode(by.detentionCentres().get(0)).orElseThrow();
        real.site.link(demo, centre.id(), linked.id());
        for (PositionRow p : DemoData.positions(by).subList(0, 2)) {
            Position position = real.site.createPosition(demo, new PositionSpec(centre.id(), p.code(), p.name()));
            real.site.createTerminal(demo, new TerminalSpec(p.terminalCode(), p.terminalName(), TerminalKind.LAWYER,
                    null, null, position.id()));
            written += 2;
        }
        return written;
    }

    @Test
    void aRunThatStoppedHalfWayIsCompletedWithoutDuplicates() {
        int written = writeFirstHalf();
        assertEquals(6 + 39 + 3 + 12 + 2 + 1 + 1 + 2 + 2, written);
        assertTrue(real.site.centreByCode("GZ-TH").isEmpty(), "no marker yet");

        DemoSeeder.Outcome outcome = seed();

        assertFalse(outcome.alreadySeeded());
        assertEquals(COMPLETE, real.counts(), "complete, and nothing twice");
        assertEquals(List.of(List.of("lawyer")), passwordRequests, "only the missing account needs a password");
        assertEquals(written, outcome.kept());
        assertEquals(counts(2, 3, 0, 16, 45 - 14, 0, 0, 2, 5, 12, 12, 1).entrySet().stream()
                .filter(e -> outcome.created().containsKey(e.getKey()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)), outcome.created());
        for (Centre c : real.site.centres()) {
            assertEquals(3, real.site.linkedDetentionCentres(c.id()).size(), c.code());
            assertEquals(10, real.site.openingHours(c.id()).size(), c.code());
        }
        assertEquals(EVENTS, real.events().size(), "the same writes as one uninterrupted run");
        assertChainIntact(EVENTS);
        assertEquals(Outcome.OK, real.accounts.authenticate("lawyer", PASSWORD.toCharArray(), "t").outcome());
        assertTrue(seed().alreadySeeded());
    }

    @Test
    void aPasswordRefusedForTheLawyerAccountStopsHalfWayAndTheNextRunCompletes() {
        // The site's policy refuses a password that contains the user name: this one passes for
        // the six accounts created first and is refused for 'lawyer', created after the cases.
        DemoSeeder.SeedException e = assertThrows(DemoSeeder.SeedException.class, () -> seed("Lawyer#Demo-2026"));
        assertEquals("creating account lawyer", e.step());
        assertEquals("creating account lawyer: InvalidInputException password: must not contain the user name",
                e.getMessage());
        assertEquals(counts(0, 6, 0, 0, 24, 0, 39, 4, 6, 12, 12, 6), real.counts(), "stopped before the centres");

        DemoSeeder.Outcome outcome = seed();

        assertEquals(COMPLETE, real.counts());
        assertEquals(List.of(ALL_ACCOUNTS, List.of("lawyer")), passwordRequests);
        assertEquals(6 + 39 + 6 + 24 + 4 + 6 + 12 + 12, outcome.kept());
        assertEquals(1, outcome.created().get("accounts"));
        assertEquals(3, outcome.created().get("centres"));
        assertEquals(Outcome.OK, real.accounts.authenticate("admin", "Lawyer#Demo-2026".toCharArray(), "t").outcome());
        assertEquals(Outcome.OK, real.accounts.authenticate("lawyer", PASSWORD.toCharArray(), "t").outcome());
        assertChainIntact(real.events().size());
    }

    @Test
    void aPasswordThePolicyRefusesStopsBeforeAnythingIsWritten() {
        DemoSeeder.SeedException e = assertThrows(DemoSeeder.SeedException.class, () -> seed("short"));
        assertEquals("creating account admin", e.step());
        assertTrue(e.getMessage().contains("password: must be at least 10 characters long"), e.getMessage());
        assertEquals(List.of(), real.events());
        assertEquals(counts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0), real.counts());
    }

    @Test
    void anInterruptedRunStopsAtTheNextCall() {
        Thread.currentThread().interrupt();
        try {
            assertThrows(DemoSeeder.Stopped.class, this::seed);
        } finally {
            Thread.interrupted();
        }
        assertEquals(List.of(), real.events());
        assertEquals(List.of(), real.site.centres());
    }

    private static int indexOf(List<AuditEvent> events, String action, String target) {
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i).action().equals(action) && (target == null || events.get(i).target().equals(target))) {
                return i;
            }
        }
        throw new AssertionError("no " + action + " " + target);
    }

    private static int lastIndexOf(List<AuditEvent> events, String action, String target) {
        for (int i = events.size() - 1; i >= 0; i--) {
            if (events.get(i).action().equals(action) && (target == null || events.get(i).target().equals(target))) {
                return i;
            }
        }
        throw new AssertionError("no " + action + " " + target);
    }
}
