package org.huijian.devices.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.persistence.EntityManagerFactory;
import org.apache.openjpa.persistence.PersistenceProviderImpl;
import org.huijian.core.AccessDeniedException;
import org.huijian.core.Actor;
import org.huijian.core.ConflictException;
import org.huijian.core.NotFoundException;
import org.huijian.core.Role;
import org.huijian.devices.IssuedCredential;
import org.huijian.devices.TerminalCredential;
import org.huijian.devices.TerminalIdentity;
import org.huijian.site.CentreSpec;
import org.huijian.site.DetentionCentreSpec;
import org.huijian.site.Position;
import org.huijian.site.PositionSpec;
import org.huijian.site.Terminal;
import org.huijian.site.TerminalKind;
import org.huijian.site.TerminalSpec;
import org.huijian.store.internal.JpaSiteService;
import org.huijian.store.internal.TestDb;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Terminal credentials on the real store (Derby). */
class DefaultTerminalCredentialsTest {
    static final Actor ADMIN = new Actor("admin", Set.of(Role.SITE_ADMIN), "test");
    static final Actor SUPERVISOR = new Actor("supervisor", Set.of(Role.SUPERVISOR), "test");
    static final Actor LAWYER = new Actor("lawyer", Set.of(Role.LAWYER), "test");

    @TempDir
    Path dir;
    TestDb db;
    EntityManagerFactory emf;
    JpaSiteService site;
    DefaultTerminalCredentials credentials;
    Terminal lawyerTerminal;
    Terminal detaineeTerminal;

    @BeforeEach
    void start() throws Exception {
        db = new TestDb(dir);
        emf = new PersistenceProviderImpl().createEntityManagerFactory("huijian-devices", Map.of(
                "openjpa.ConnectionFactory", db.dataSource, "javax.persistence.nonJtaDataSource", db.dataSource,
                "openjpa.Log", "slf4j"));
        site = new JpaSiteService(db.db);
        credentials = new DefaultTerminalCredentials(new DevicesUnit(db.db, emf), site);
        long centre = site.createCentre(ADMIN, new CentreSpec("GZ-TH", "天河区律师视频会见中心", null, null)).id();
        long dc = site.createDetentionCentre(ADMIN, new DetentionCentreSpec("GZ-KSS1", "广州市第一看守所", null, null)).id();
        Position p = site.createPosition(ADMIN, new PositionSpec(centre, "P01", "机位01"));
        lawyerTerminal = site.createTerminal(ADMIN, new TerminalSpec("L01", "律师分机01", TerminalKind.LAWYER, null, null,
                p.id()));
        detaineeTerminal = site.createTerminal(ADMIN, new TerminalSpec("D01", "在押分机01", TerminalKind.DETAINEE, null,
                dc, null));
    }

    @AfterEach
    void stop() {
        emf.close();
        db.close();
    }

    /** The credential events of the audit log about a target. */
    List<String> audit(String target) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = db.dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT ACTION_NAME, DETAIL FROM HJ_AUDIT_EVENT WHERE TARGET = '" + target
                        + "' AND ACTION_NAME LIKE 'terminal.credential.%' ORDER BY SEQ")) {
            while (r.next()) {
                out.add(r.getString(1) + ": " + r.getString(2));
            }
        }
        return out;
    }

    @Test
    void anIssuedSecretSignsItsTerminalInAndOnlyItsHashIsKept() throws Exception {
        IssuedCredential issued = credentials.issue(ADMIN, lawyerTerminal.id());
        assertTrue(issued.secret().startsWith("hjt_") && issued.secret().length() == 47, issued.secret());
        assertFalse(issued.toString().contains(issued.secret()), "the secret stays out of logs");
        TerminalIdentity who = credentials.authenticate(issued.secret()).orElseThrow();
        assertEquals(lawyerTerminal.id(), who.terminalId());
        assertEquals(TerminalKind.LAWYER, who.kind());
        assertEquals(lawyerTerminal.positionId(), who.positionId());
        try (Connection c = db.dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT SECRET_HASH FROM HJ_TERMINAL_CREDENTIAL")) {
            assertTrue(r.next());
            assertNotEquals(issued.secret(), r.getString(1));
            assertEquals(DefaultTerminalCredentials.hash(issued.secret()), r.getString(1));
        }
        assertNotNull(credentials.credentials(ADMIN).get(0).lastUsedAt(), "sign-in time kept");
        assertEquals(List.of("terminal.credential.issue: first credential"), audit("terminal:L01"));
    }

    @Test
    void aNewCredentialReplacesTheOldAndEachTerminalHasItsOwn() throws Exception {
        IssuedCredential first = credentials.issue(ADMIN, lawyerTerminal.id());
        IssuedCredential second = credentials.issue(ADMIN, lawyerTerminal.id());
        IssuedCredential detainee = credentials.issue(ADMIN, detaineeTerminal.id());
        assertNotEquals(first.secret(), second.secret());
        assertTrue(credentials.authenticate(first.secret()).isEmpty(), "the replaced secret no longer works");
        assertEquals(lawyerTerminal.id(), credentials.authenticate(second.secret()).orElseThrow().terminalId());
        assertEquals(detaineeTerminal.id(), credentials.authenticate(detainee.secret()).orElseThrow().terminalId());
        assertTrue(audit("terminal:L01").get(1).startsWith("terminal.credential.issue: replaces the credential issued "));
        List<TerminalCredential> list = credentials.credentials(SUPERVISOR);
        assertEquals(2, list.size(), "the newest per terminal");
        assertTrue(list.stream().allMatch(TerminalCredential::inForce));
    }

    @Test
    void aRevokedCredentialOrADisabledTerminalSignsNothingIn() throws Exception {
        IssuedCredential issued = credentials.issue(ADMIN, lawyerTerminal.id());
        TerminalCredential revoked = credentials.revoke(ADMIN, lawyerTerminal.id());
        assertFalse(revoked.inForce());
        assertEquals("admin", revoked.revokedBy());
        assertTrue(credentials.authenticate(issued.secret()).isEmpty());
        ConflictException twice = assertThrows(ConflictException.class,
                () -> credentials.revoke(ADMIN, lawyerTerminal.id()));
        assertTrue(twice.getMessage().contains("L01 has no credential in force"), twice.getMessage());
        assertTrue(audit("terminal:L01").get(1).startsWith("terminal.credential.revoke: credential issued "));

        IssuedCredential other = credentials.issue(ADMIN, detaineeTerminal.id());
        site.setTerminalEnabled(ADMIN, detaineeTerminal.id(), false);
        assertTrue(credentials.authenticate(other.secret()).isEmpty(), "a disabled terminal cannot sign in");
        site.setTerminalEnabled(ADMIN, detaineeTerminal.id(), true);
        assertTrue(credentials.authenticate(other.secret()).isPresent());
    }

    @Test
    void malformedOrUnknownSecretsAreSimplyNotSignedIn() {
        credentials.issue(ADMIN, lawyerTerminal.id());
        for (String bad : new String[] { null, "", "hjt_", "password", "hjt_" + "A".repeat(43), "x".repeat(47),
                "hjt_" + "A".repeat(44) }) {
            assertTrue(credentials.authenticate(bad).isEmpty(), String.valueOf(bad));
        }
    }

    @Test
    void onlySiteAdministratorsIssueAndRevokeAndNothingIsWrittenOtherwise() throws Exception {
        assertThrows(AccessDeniedException.class, () -> credentials.issue(SUPERVISOR, lawyerTerminal.id()));
        assertThrows(AccessDeniedException.class, () -> credentials.issue(LAWYER, lawyerTerminal.id()));
        assertThrows(AccessDeniedException.class, () -> credentials.revoke(LAWYER, lawyerTerminal.id()));
        assertThrows(AccessDeniedException.class, () -> credentials.credentials(LAWYER));
        assertThrows(NotFoundException.class, () -> credentials.issue(ADMIN, 9999));
        assertTrue(credentials.credentials(ADMIN).isEmpty());
        assertTrue(audit("terminal:L01").isEmpty());
    }
}
