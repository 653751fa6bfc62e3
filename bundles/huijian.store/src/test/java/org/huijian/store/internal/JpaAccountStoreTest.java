package org.huijian.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;
import org.huijian.accounts.spi.AccountRecord;
import org.huijian.audit.AuditEntry;
import org.huijian.core.Actor;
import org.huijian.core.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Accounts on the real store: what find keeps between reads never hides a change made through the store. */
class JpaAccountStoreTest {
    static final Actor ADMIN = new Actor("admin", Set.of(Role.SITE_ADMIN), "test");

    @TempDir
    Path dir;
    TestDb t;
    JpaAccountStore store;

    @BeforeEach
    void start() throws Exception {
        t = new TestDb(dir);
        store = new JpaAccountStore(t.db);
    }

    @AfterEach
    void stop() {
        t.close();
    }

    static AccountRecord record(String username) {
        return new AccountRecord(0, username, "Name of " + username, Set.of(Role.LAWYER), null, "hash", 0, null, false,
                null, false, Instant.parse("2026-11-29T00:00:00Z"), null, null);
    }

    @Test
    void aChangeThroughTheStoreIsSeenAtOnceByTheNextFind() {
        assertTrue(store.find("wang").isEmpty());
        store.insert(record("wang"), new AuditEntry(ADMIN, "account.create", "account:wang", ""));
        assertEquals(Set.of(Role.LAWYER), store.find("wang").orElseThrow().roles(), "a miss is not kept past an insert");
        assertEquals(store.find("wang"), store.find("wang"));

        store.update("wang", r -> r.withRoles(Set.of(Role.LAWYER, Role.APPROVER)),
                new AuditEntry(ADMIN, "account.roles", "account:wang", ""));
        assertEquals(Set.of(Role.LAWYER, Role.APPROVER), store.find("wang").orElseThrow().roles());

        store.update("wang", r -> new AccountRecord(r.id(), r.username(), r.displayName(), r.roles(), r.lawyerId(),
                r.passwordHash(), r.failedAttempts(), r.lockedUntil(), true, "left the firm", r.mustChangePassword(),
                r.createdAt(), r.lastLoginAt(), r.email()), new AuditEntry(ADMIN, "account.disable", "account:wang", ""));
        assertTrue(store.find("wang").orElseThrow().disabled(), "a disabled account stops at once");
        assertFalse(store.find("li").isPresent());
    }

    @Test
    void readsAreKeptLongOnlyWhereThisJvmIsTheSoleWriter() {
        assertEquals(JpaAccountStore.SOLE_FRESH_NANOS, store.freshNanos(), "embedded Derby: " + t.dataSource.getDatabaseName());
        assertTrue(Database.soleWriter("jdbc:derby:/var/lib/huijian/derby/huijian;create=true"));
        assertTrue(Database.soleWriter("jdbc:derby:memory:huijian"));
        assertFalse(Database.soleWriter("jdbc:derby://db.example.org:1527/huijian"));
        assertFalse(Database.soleWriter("jdbc:postgresql://db.example.org:5432/huijian"));
        assertFalse(Database.soleWriter(null));
    }

    @Test
    void readsRacingWritesNeverKeepAnOldRecord() throws Exception {
        store.insert(record("zhao"), new AuditEntry(ADMIN, "account.create", "account:zhao", ""));
        Thread reader = new Thread(() -> {
            for (int i = 0; i < 2_000; i++) {
                store.find("zhao");
            }
        });
        reader.start();
        for (int i = 0; i < 30; i++) {
            int n = i;
            store.update("zhao", r -> r.withSignIn(n, null, null), new AuditEntry(ADMIN, "test", "account:zhao", ""));
            assertEquals(n, store.find("zhao").orElseThrow().failedAttempts(), "after write " + n);
        }
        reader.join();
        assertEquals(29, store.find("zhao").orElseThrow().failedAttempts());
    }
}
