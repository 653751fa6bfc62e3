package org.huijian.accounts.internal;

import org.huijian.store.internal.HandClock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.huijian.accounts.Account;
import org.huijian.accounts.AccountSpec;
import org.huijian.accounts.Authentication;
import org.huijian.accounts.Authentication.Outcome;
import org.huijian.audit.AuditEvent;
import org.huijian.core.Actor;
import org.huijian.core.ConflictException;
import org.huijian.core.InvalidInputException;
import org.huijian.core.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccountServiceTest {
    static final Actor ADMIN = new Actor("root", Set.of(Role.SITE_ADMIN), "test");
    static final char[] GOOD = "Liang-Shan-2026".toCharArray();

    @TempDir
    Path dir;
    RealStore store;
    HandClock clock = new HandClock(Instant.parse("2026-12-01T02:00:00Z"), ZoneOffset.UTC);
    DefaultAccountService accounts;

    @BeforeEach
    void open() throws SQLException {
        store = new RealStore(dir);
        accounts = new DefaultAccountService(store.accounts, store.audit, 20_000, 3, Duration.ofMinutes(15), 10, clock);
        accounts.create(ADMIN, new AccountSpec("root", "管理员", Set.of(Role.SITE_ADMIN), null, null), GOOD);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void signsInWithTheRightPasswordOnly() {
        Authentication ok = accounts.authenticate("root", GOOD, "test");
        assertEquals(Outcome.OK, ok.outcome());
        assertNotNull(ok.account().lastLoginAt());
        assertEquals(Outcome.BAD_CREDENTIALS, accounts.authenticate("root", "wrong".toCharArray(), "test").outcome());
        assertEquals(Outcome.BAD_CREDENTIALS, accounts.authenticate("nobody", GOOD, "test").outcome(),
                "an unknown user looks like a wrong password");
        List<String> actions = store.audit.latest("login", 10).stream().map(AuditEvent::action).toList();
        assertEquals(List.of("login.failed", "login.failed", "login.ok"), actions);
    }

    @Test
    void locksAfterRepeatedFailuresAndUnlocksWithTime() {
        for (int i = 0; i < 2; i++) {
            assertEquals(Outcome.BAD_CREDENTIALS, accounts.authenticate("root", "wrong".toCharArray(), "t").outcome());
        }
        Authentication third = accounts.authenticate("root", "wrong".toCharArray(), "t");
        assertEquals(Outcome.LOCKED, third.outcome());
        assertEquals(clock.instant().plus(Duration.ofMinutes(15)), third.lockedUntil());
        assertEquals(Outcome.LOCKED, accounts.authenticate("root", GOOD, "t").outcome(),
                "even the right password is refused while locked");
        clock.advance(Duration.ofMinutes(16));
        assertEquals(Outcome.OK, accounts.authenticate("root", GOOD, "t").outcome());
        assertEquals(1, store.audit.latest("account.auto-lock", 10).size());
    }

    @Test
    void aSuccessResetsTheFailureCount() {
        accounts.authenticate("root", "wrong".toCharArray(), "t");
        accounts.authenticate("root", "wrong".toCharArray(), "t");
        accounts.authenticate("root", GOOD, "t");
        accounts.authenticate("root", "wrong".toCharArray(), "t");
        assertEquals(Outcome.BAD_CREDENTIALS, accounts.authenticate("root", "wrong".toCharArray(), "t").outcome());
    }

    @Test
    void disabledAccountsCannotSignIn() {
        accounts.create(ADMIN, new AccountSpec("auditor1", "审计员", Set.of(Role.AUDITOR), null, null), GOOD);
        Account locked = accounts.lock(ADMIN, "auditor1", "离职");
        assertTrue(locked.disabled());
        assertEquals(Outcome.DISABLED, accounts.authenticate("auditor1", GOOD, "t").outcome());
        accounts.unlock(ADMIN, "auditor1");
        assertEquals(Outcome.OK, accounts.authenticate("auditor1", GOOD, "t").outcome());
    }

    @Test
    void theLastSiteAdministratorStays() {
        ConflictException e = assertThrows(ConflictException.class,
                () -> accounts.setRoles(ADMIN, "root", Set.of(Role.AUDITOR)));
        assertTrue(e.getMessage().contains("last active site administrator"));
        accounts.create(ADMIN, new AccountSpec("admin2", "管理员二", Set.of(Role.SITE_ADMIN), null, null), GOOD);
        accounts.setRoles(ADMIN, "root", Set.of(Role.AUDITOR));
        assertEquals(Set.of(Role.AUDITOR), accounts.account("root").roles());
    }

    @Test
    void passwordsFollowThePolicy() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> accounts.create(ADMIN,
                new AccountSpec("weak", "弱", Set.of(Role.AUDITOR), null, null), "short".toCharArray()));
        assertEquals("password", e.violations().get(0).field());
        assertThrows(InvalidInputException.class, () -> accounts.create(ADMIN,
                new AccountSpec("weak", "弱", Set.of(Role.AUDITOR), null, null), "weak-Weak-123".toCharArray()),
                "contains the user name");
        assertThrows(InvalidInputException.class, () -> accounts.create(ADMIN,
                new AccountSpec("weak", "弱", Set.of(Role.AUDITOR), null, null), "alllowercaseletters".toCharArray()));
        assertEquals(1, accounts.accounts().size(), "nothing was written");
    }

    @Test
    void validatesTheAccountItself() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> accounts.create(ADMIN,
                new AccountSpec("Bad Name", "", Set.of(Role.LAWYER), null, null), GOOD));
        assertEquals(List.of("username", "displayName", "lawyerId"),
                e.violations().stream().map(InvalidInputException.Violation::field).toList());
        assertThrows(ConflictException.class, () -> accounts.create(ADMIN,
                new AccountSpec("root", "重复", Set.of(Role.AUDITOR), null, null), GOOD));
    }

    @Test
    void resetForcesAChangeAndChangeNeedsTheCurrentPassword() {
        accounts.create(ADMIN, new AccountSpec("approver1", "审批员", Set.of(Role.APPROVER), null, null), GOOD);
        char[] temp = "Temp-Pass-4821".toCharArray();
        assertTrue(accounts.resetPassword(ADMIN, "approver1", temp).mustChangePassword());
        Authentication signedIn = accounts.authenticate("approver1", temp, "t");
        assertTrue(signedIn.account().mustChangePassword());
        Actor self = new Actor("approver1", Set.of(Role.APPROVER), "t");
        InvalidInputException wrong = assertThrows(InvalidInputException.class,
                () -> accounts.changePassword(self, "nope".toCharArray(), "New-Pass-7731".toCharArray()));
        assertEquals("currentPassword", wrong.violations().get(0).field());
        Account changed = accounts.changePassword(self, temp, "New-Pass-7731".toCharArray());
        assertFalse(changed.mustChangePassword());
        assertEquals(Outcome.OK, accounts.authenticate("approver1", "New-Pass-7731".toCharArray(), "t").outcome());
        assertEquals(Outcome.BAD_CREDENTIALS, accounts.authenticate("approver1", temp, "t").outcome());
    }

    @Test
    void upgradesAnOutdatedHashAtSignIn() {
        DefaultAccountService stronger = new DefaultAccountService(store.accounts, store.audit, 40_000, 3,
                Duration.ofMinutes(15), 10, clock);
        String before = store.accounts.find("root").orElseThrow().passwordHash();
        assertEquals(Outcome.OK, stronger.authenticate("root", GOOD, "t").outcome());
        String after = store.accounts.find("root").orElseThrow().passwordHash();
        assertTrue(before.startsWith("pbkdf2-sha256$20000$"));
        assertTrue(after.startsWith("pbkdf2-sha256$40000$"));
    }

    @Test
    void auditChainStaysIntact() {
        accounts.authenticate("root", "wrong".toCharArray(), "t");
        accounts.authenticate("root", GOOD, "t");
        assertTrue(store.audit.verify().intact());
    }

}
