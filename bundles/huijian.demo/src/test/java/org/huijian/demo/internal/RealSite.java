package org.huijian.demo.internal;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.huijian.accounts.internal.DefaultAccountService;
import org.huijian.audit.AuditEvent;
import org.huijian.site.Centre;
import org.huijian.site.DetentionCentre;
import org.huijian.store.internal.JpaAccountStore;
import org.huijian.store.internal.JpaAuditLog;
import org.huijian.store.internal.JpaDirectoryService;
import org.huijian.store.internal.JpaSiteService;
import org.huijian.store.internal.TestDb;

/**
 * The platform's real site, directory and account services and audit log, on a real embedded Derby
 * database in a temporary folder — what the demo bundle gets in the distribution.
 */
final class RealSite implements AutoCloseable {
    final JpaSiteService site;
    final JpaDirectoryService directory;
    final DefaultAccountService accounts;
    final JpaAuditLog audit;
    private final TestDb db;

    RealSite(Path dir) throws SQLException {
        db = new TestDb(dir);
        site = new JpaSiteService(db.db);
        directory = new JpaDirectoryService(db.db);
        audit = new JpaAuditLog(db.db);
        accounts = new DefaultAccountService(new JpaAccountStore(db.db), audit, 20_000, 5, Duration.ofMinutes(15), 10,
                Clock.systemUTC());
    }

    /** Every audit event, oldest first (the demo writes fewer than a thousand). */
    List<AuditEvent> events() {
        return audit.events(0, 1000);
    }

    /** How many records of each kind the database holds, read back through the services. */
    Map<String, Integer> counts() {
        Map<String, Integer> n = new LinkedHashMap<>();
        List<Centre> centres = site.centres();
        List<DetentionCentre> dcs = site.detentionCentres();
        n.put("centres", centres.size());
        n.put("detention centres", dcs.size());
        n.put("links", centres.stream().mapToInt(c -> site.linkedDetentionCentres(c.id()).size()).sum());
        n.put("positions", centres.stream().mapToInt(c -> site.positions(c.id()).size()).sum());
        n.put("terminals", site.terminals().size());
        n.put("centres with hours", (int) centres.stream().filter(c -> !site.openingHours(c.id()).isEmpty()).count());
        n.put("special days", site.specialDays(null, LocalDate.of(2025, 1, 1), LocalDate.of(2029, 12, 31)).size());
        n.put("law firms", directory.lawFirms().size());
        n.put("lawyers", directory.lawyers().size());
        List<Long> detainees = dcs.stream().flatMap(dc -> directory.detainees(dc.id()).stream())
                .map(d -> d.id()).toList();
        n.put("detainees", detainees.size());
        n.put("cases", detainees.stream().mapToInt(id -> directory.cases(id).size()).sum());
        n.put("accounts", accounts.accounts().size());
        return n;
    }

    @Override
    public void close() {
        db.close();
    }
}
