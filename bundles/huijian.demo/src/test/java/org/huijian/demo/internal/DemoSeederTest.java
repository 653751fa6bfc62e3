package org.huijian.demo.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.huijian.accounts.Account;
import org.huijian.core.Role;
import org.huijian.site.Centre;
import org.huijian.site.TerminalKind;
import org.junit.jupiter.api.Test;

/** The seeder against a plain in-memory site: complete, idempotent, resumable. */
class DemoSeederTest {
    private static final DemoData DATA = DemoData.load(DemoData.builtIn());
    private static final String PASSWORD = "Demo#Pass-2026.ok";

    private final InMemorySite site = new InMemorySite();
    private final List<List<String>> passwordRequests = new ArrayList<>();

    private DemoSeeder.Outcome seed() {
        return new DemoSeeder(site, site, site, DemoSite.ACTOR).seed(DATA, usernames -> {
            passwordRequests.add(usernames);
            return PASSWORD.toCharArray();
        });
    }

    @Test
    void seedsTheWholeDataSetWithTheMarkerCentreLast() {
        DemoSeeder.Outcome outcome = seed();

        assertFalse(outcome.alreadySeeded());
        assertEquals(3, site.centres.size());
        assertEquals(6, site.detentionCentres.size());
        assertEquals(9, site.links.size());
        assertEquals(18, site.positions.size());
        assertEquals(18 + 3 + 24, site.terminals.size());
        assertEquals(39, site.specialDays.size());
        assertEquals(4, site.lawFirms.size());
        assertEquals(6, site.lawyers.size());
        assertEquals(12, site.detainees.size());
        assertEquals(12, site.cases.size());
        assertEquals(7, site.accounts.size());
        assertEquals(3, site.hours.size());
        site.hours.values().forEach(periods -> assertEquals(10, periods.size()));

        assertEquals("createCentre GZ-TH", site.writes.stream().filter(w -> w.startsWith("createCentre"))
                .reduce((a, b) -> b).orElseThrow());
        assertTrue(site.writes.get(0).startsWith("createAccount"), "accounts without a lawyer come first");
        assertEquals(List.of(List.of("admin", "approver", "supervisor", "lawyer", "auditor", "terminal",
                "integration")), passwordRequests);
        assertTrue(outcome.summary().startsWith("Demo site seeded: created 3 centres, 6 detention centres, "
                + "18 positions, 45 terminals, 39 special days, 4 law firms, 6 lawyers, 12 detainees, 12 cases, "
                + "7 accounts"), outcome.summary());
    }

    @Test
    void accountsGetTheRolesThePasswordAndTheFirstLawyer() {
        seed();
        Account lawyer = site.account("lawyer");
        assertEquals(Set.of(Role.LAWYER), lawyer.roles());
        assertEquals(site.lawyerByLicence(DATA.lawyers().get(0).licenceNo()).orElseThrow().id(), lawyer.lawyerId());
        assertFalse(lawyer.mustChangePassword());
        assertNull(site.account("admin").lawyerId());
        site.passwords.values().forEach(p -> assertEquals(PASSWORD, p));
    }

    @Test
    void terminalsArePlacedByKind() {
        seed();
        site.terminals.values().forEach(t -> {
            switch (t.kind()) {
                case LAWYER -> assertTrue(t.code().matches("GZ-(TH|BY|NS)-P0[1-6]-L") && t.positionId() != null);
                case CONSOLE -> assertTrue(t.code().endsWith("-CONSOLE") && t.centreId() != null);
                case DETAINEE -> assertTrue(t.detentionCentreId() != null && t.centreId() == null);
                default -> throw new AssertionError(t);
            }
        });
        assertEquals(3, site.terminals.values().stream().filter(t -> t.kind() == TerminalKind.CONSOLE).count());
    }

    @Test
    void aSecondRunDoesNothing() {
        seed();
        int writes = site.writes.size();
        DemoSeeder.Outcome again = seed();
        assertTrue(again.alreadySeeded());
        assertEquals("Demo site already in place (centre GZ-TH exists); nothing to do", again.summary());
        assertEquals(writes, site.writes.size());
        assertEquals(1, passwordRequests.size());
    }

    @Test
    void anExistingAdminIsLeftAlone() {
        site.accounts.put("admin", new Account(999, "admin", "首任管理员", Set.of(Role.SITE_ADMIN), null, false, null,
                null, true, Instant.now(), null));
        DemoSeeder.Outcome outcome = seed();
        assertEquals("首任管理员", site.account("admin").displayName());
        assertFalse(passwordRequests.get(0).contains("admin"));
        assertEquals(6, site.passwords.size());
        assertTrue(outcome.summary().endsWith("kept 1 existing record(s) with the same key"), outcome.summary());
    }

    @Test
    void aRunThatFailsHalfWayIsCompletedByTheNextOne() {
        site.failing = write -> write.startsWith("createCase 穗公天刑立字");
        DemoSeeder.SeedException e = assertThrows(DemoSeeder.SeedException.class, this::seed);
        assertEquals("creating case 穗公天刑立字〔2026〕01234号 of detainee TH-2026-1428", e.step());
        assertTrue(e.getMessage().endsWith("IllegalStateException database unavailable"), e.getMessage());
        assertTrue(site.centreByCode("GZ-TH").isEmpty(), "no marker after a failed run");

        site.failing = write -> false;
        DemoSeeder.Outcome outcome = seed();
        assertFalse(outcome.alreadySeeded());
        assertEquals(12, site.cases.size());
        assertEquals(3, site.centres.size());
        assertEquals(45, site.terminals.size());
        assertEquals(7, site.accounts.size());
        // the lawyer account waits for the lawyers, so only it is left for the second run
        assertEquals(List.of("lawyer"), passwordRequests.get(1));
        assertTrue(outcome.summary().contains("kept"), outcome.summary());
    }

    @Test
    void aRefusedPasswordStopsBeforeAnythingElseIsWritten() {
        DemoSeeder seeder = new DemoSeeder(site, site, site, DemoSite.ACTOR);
        DemoSeeder.SeedException e = assertThrows(DemoSeeder.SeedException.class,
                () -> seeder.seed(DATA, usernames -> "short".toCharArray()));
        assertEquals("creating account admin", e.step());
        assertTrue(site.writes.isEmpty());
    }

    @Test
    void anInterruptedRunStopsAtTheNextCall() {
        Thread.currentThread().interrupt();
        try {
            assertThrows(DemoSeeder.Stopped.class, this::seed);
        } finally {
            Thread.interrupted();
        }
        assertTrue(site.writes.isEmpty());
        assertEquals(List.<Centre>of(), site.centres());
    }
}
