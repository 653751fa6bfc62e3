package org.huijian.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.huijian.audit.AuditEntry;
import org.huijian.audit.AuditEvent;
import org.huijian.audit.ChainVerification;
import org.huijian.core.Actor;
import org.huijian.core.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditChainTest {
    static final Actor AUDITOR = new Actor("auditor", Set.of(Role.AUDITOR), "test");

    @TempDir
    Path dir;
    TestDb t;
    JpaAuditLog log;

    @BeforeEach
    void open() throws SQLException {
        t = new TestDb(dir);
        log = new JpaAuditLog(t.db);
    }

    @AfterEach
    void close() {
        t.close();
    }

    private void appendSome(int n) {
        for (int i = 0; i < n; i++) {
            log.append(new AuditEntry(AUDITOR, "test.event", "thing:" + i, "detail " + i));
        }
    }

    @Test
    void eventsLinkAndVerify() {
        appendSome(5);
        List<AuditEvent> events = log.events(0, 100);
        assertEquals(5, events.size());
        assertEquals(AuditChain.GENESIS, events.get(0).prevHash());
        for (int i = 1; i < events.size(); i++) {
            assertEquals(events.get(i - 1).hash(), events.get(i).prevHash());
            assertEquals(i + 1, events.get(i).seq());
        }
        ChainVerification v = log.verify();
        assertTrue(v.intact());
        assertEquals(5, v.checked());
        assertEquals(events.get(4).hash(), v.headHash());
    }

    @Test
    void detectsAnEditedEvent() throws SQLException {
        appendSome(5);
        MigrationsTest.exec(t.dataSource, "UPDATE HJ_AUDIT_EVENT SET DETAIL = 'nothing happened' WHERE SEQ = 3");
        ChainVerification v = log.verify();
        assertFalse(v.intact());
        assertEquals(3L, v.firstBrokenSeq());
        assertTrue(v.problem().contains("does not match its seal"), v.problem());
    }

    @Test
    void detectsARemovedEventInTheMiddle() throws SQLException {
        appendSome(5);
        MigrationsTest.exec(t.dataSource, "DELETE FROM HJ_AUDIT_EVENT WHERE SEQ = 2");
        ChainVerification v = log.verify();
        assertFalse(v.intact());
        assertEquals(2L, v.firstBrokenSeq());
    }

    @Test
    void detectsEventsRemovedFromTheEnd() throws SQLException {
        appendSome(5);
        MigrationsTest.exec(t.dataSource, "DELETE FROM HJ_AUDIT_EVENT WHERE SEQ > 3");
        ChainVerification v = log.verify();
        assertFalse(v.intact());
        assertTrue(v.problem().contains("removed from the end"), v.problem());
    }

    @Test
    void aResealedChainWithAnotherKeyIsDetected() throws Exception {
        appendSome(3);
        t.close();
        Files.writeString(dir.resolve("keys").resolve("audit.key"), "ab".repeat(32));
        t = new TestDb(dir);
        log = new JpaAuditLog(t.db);
        ChainVerification v = log.verify();
        assertFalse(v.intact());
        assertEquals(1L, v.firstBrokenSeq());
    }

    @Test
    void concurrentAppendsStayOneChain() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            futures.add(pool.submit(() -> appendSome(1)));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        ChainVerification v = log.verify();
        assertTrue(v.intact(), String.valueOf(v.problem()));
        assertEquals(40, v.checked());
        assertNull(v.firstBrokenSeq());
    }

    @Test
    void verifyingWhileEventsAreAppendedFindsNoFalseBreak() throws Exception {
        appendSome(3);
        Thread writer = new Thread(() -> appendSome(100));
        writer.start();
        while (writer.isAlive()) {
            ChainVerification v = log.verify();
            assertTrue(v.intact(), String.valueOf(v.problem()));
        }
        writer.join();
        assertEquals(103, log.verify().checked());
    }

    @Test
    void latestFiltersByActionPrefix() {
        appendSome(2);
        log.append(new AuditEntry(AUDITOR, "login.failed", "account:x", ""));
        assertEquals(1, log.latest("login", 10).size());
        assertEquals(3, log.latest(null, 10).size());
        assertEquals("login.failed", log.latest(null, 1).get(0).action(), "newest first");
    }
}
