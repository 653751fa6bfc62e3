package org.huijian.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Stream;
import javax.inject.Inject;
import org.huijian.accounts.AccountService;
import org.huijian.accounts.AccountSpec;
import org.huijian.audit.AuditLog;
import org.huijian.core.Actor;
import org.huijian.core.Role;
import org.huijian.site.CentreSpec;
import org.huijian.site.SiteService;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.MethodSorters;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerMethod;

/**
 * Data survives a restart: the first test writes in one container, the second reads it in a new container
 * (a new JVM from a fresh unpack) that uses the same database folder and audit key.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerMethod.class)
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class RestartITest extends KarafTestBase {
    static final Path DATA = Path.of(System.getProperty("project.build.directory", "target"), "restart-data")
            .toAbsolutePath();
    static boolean cleaned;
    static final Actor ADMIN = new Actor("itest", Set.of(Role.SITE_ADMIN), "itest");

    @Inject
    SiteService site;
    @Inject
    AccountService accounts;
    @Inject
    AuditLog audit;

    @Configuration
    public Option[] config() throws IOException {
        if (!cleaned) {
            if (Files.exists(DATA)) {
                try (Stream<Path> all = Files.walk(DATA)) {
                    all.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
                }
            }
            cleaned = true;
        }
        return distribution(
                editConfigurationFilePut("etc/org.ops4j.datasource-huijian.cfg", "url",
                        "jdbc:derby:" + DATA.resolve("derby") + ";create=true"),
                editConfigurationFilePut("etc/org.huijian.store.cfg", "auditKeyFile", DATA.resolve("audit.key").toString()));
    }

    @Test
    public void a_writeBeforeRestart() throws Exception {
        await("the demo site", 60_000, () -> site.centreByCode("GZ-TH").isPresent());
        site.createCentre(ADMIN, new CentreSpec("RESTART-1", "重启测试中心", "测试路1号", null));
        accounts.create(ADMIN, new AccountSpec("restart.user", "重启用户", Set.of(Role.AUDITOR), null, null),
                "Restart-Pass-99".toCharArray());
        assertTrue(audit.verify().intact());
    }

    @Test
    public void b_readAfterRestart() throws Exception {
        await("the store", 60_000, () -> site.centreByCode("GZ-TH").isPresent());
        assertEquals("重启测试中心", site.centreByCode("RESTART-1").orElseThrow().name());
        assertEquals(Set.of(Role.AUDITOR), accounts.account("restart.user").roles());
        assertTrue("the restarted platform signs in with the stored hash",
                accounts.authenticate("restart.user", "Restart-Pass-99".toCharArray(), "itest").ok());
        var chain = audit.verify();
        assertTrue(String.valueOf(chain.problem()), chain.intact());
        assertEquals("the demo site was not seeded twice", 3 + 1, site.centres().size());
    }
}
