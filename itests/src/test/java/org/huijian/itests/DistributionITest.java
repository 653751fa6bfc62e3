package org.huijian.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.inject.Inject;
import javax.servlet.Servlet;
import org.apache.karaf.jaas.config.JaasRealm;
import org.huijian.accounts.AccountService;
import org.huijian.accounts.spi.AccountStore;
import org.huijian.audit.AuditLog;
import org.huijian.core.Capability;
import org.huijian.core.HealthCheck;
import org.huijian.directory.DirectoryService;
import org.huijian.site.SiteService;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/** Boots the assembled distribution and checks it from the inside: bundles, services, REST, roles, console. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class DistributionITest extends KarafTestBase {
    static final List<String> BUNDLES = List.of("huijian.api", "huijian.store", "huijian.accounts", "huijian.web",
            "huijian.shell", "huijian.demo", "huijian.booking", "huijian.notify", "huijian.devices", "huijian.meeting",
            "huijian.media", "huijian.documents", "huijian.transcript", "huijian.driver.simcamera", "huijian.driver.uvc",
            "huijian.driver.simprinter", "huijian.driver.simpad");

    @Inject
    BundleContext context;
    @Inject
    SiteService site;
    @Inject
    DirectoryService directory;
    @Inject
    AccountService accounts;
    @Inject
    AuditLog audit;

    @Configuration
    public Option[] config() {
        return distribution();
    }

    @Before
    public void demoSiteIsSeeded() throws Exception {
        await("the demo site", 60_000, () -> site.centreByCode("GZ-TH").isPresent());
        awaitHttps();
        awaitSettled(BOOTED_CAPABILITIES);
    }

    @Test
    public void everyHuijianBundleIsActive() {
        Map<String, String> states = new TreeMap<>();
        for (Bundle b : context.getBundles()) {
            if (b.getSymbolicName().startsWith("huijian.")) {
                states.put(b.getSymbolicName(), b.getState() == Bundle.ACTIVE ? "ACTIVE" : "state " + b.getState());
            }
        }
        assertEquals(BUNDLES.stream().sorted().toList(), List.copyOf(states.keySet()));
        states.forEach((name, state) -> assertEquals(name, "ACTIVE", state));
    }

    @Test
    public void servicesAreRegistered() throws Exception {
        for (Class<?> type : List.of(SiteService.class, DirectoryService.class, AccountService.class, AuditLog.class,
                AccountStore.class, HealthCheck.class, Capability.class, org.huijian.meeting.MeetingService.class,
                org.huijian.devices.TerminalCredentials.class, org.huijian.media.MediaBridge.class)) {
            ServiceReference<?> ref = context.getServiceReference(type);
            assertNotNull(type.getSimpleName() + " is registered", ref);
            assertTrue(type.getSimpleName() + " comes from a Huijian bundle",
                    ref.getBundle().getSymbolicName().startsWith("huijian."));
        }
        boolean realm = context.getServiceReferences(JaasRealm.class, null).stream()
                .anyMatch(r -> r.getBundle().getSymbolicName().equals("huijian.accounts")
                        && "karaf".equals(context.getService(r).getName()));
        assertTrue("the accounts bundle serves the karaf JAAS realm", realm);
        boolean api = context.getServiceReferences(Servlet.class, "(osgi.http.whiteboard.servlet.pattern=/api/*)")
                .stream().anyMatch(r -> r.getBundle().getSymbolicName().equals("huijian.web"));
        assertTrue("the REST API servlet is registered at /api/*", api);
        assertTrue(site.centres().size() >= 3);
        assertTrue(site.terminals().size() >= 18);
    }

    @Test
    public void restSignInAndRoles() throws Exception {
        Reply health = call("GET", "/api/health", null, null, null);
        assertEquals(200, health.status());
        assertTrue(health.body(), health.body().contains("\"database\":\"UP\""));

        assertEquals(401, call("GET", "/api/accounts", null, null, null).status());
        Reply wrong = call("POST", "/api/session", "{\"username\":\"admin\",\"password\":\"nope\"}", null, null);
        assertEquals(401, wrong.status());
        assertTrue(wrong.contentType().startsWith("application/problem+json"));
        assertTrue(wrong.body(), wrong.body().contains("invalid-credentials"));

        String[] lawyer = signIn("lawyer", PASSWORD);
        assertEquals(200, call("GET", "/api/centres", null, lawyer[0], null).status());
        Reply denied = call("GET", "/api/accounts", null, lawyer[0], null);
        assertEquals(403, denied.status());
        assertTrue(denied.body(), denied.body().contains("forbidden"));
        Reply deniedWrite = call("POST", "/api/centres", "{\"code\":\"X1\",\"name\":\"x\"}", lawyer[0], lawyer[1]);
        assertEquals(403, deniedWrite.status());
        assertTrue(site.centreByCode("X1").isEmpty());
        assertEquals("detainees are not for lawyers", 403,
                call("GET", "/api/detention-centres/" + site.detentionCentres().get(0).id() + "/detainees", null,
                        lawyer[0], null).status());

        String[] admin = signIn("admin", PASSWORD);
        assertEquals(200, call("GET", "/api/accounts", null, admin[0], null).status());
        assertEquals("no CSRF token, no write", 403,
                call("POST", "/api/centres", "{\"code\":\"X1\",\"name\":\"x\"}", admin[0], null).status());
        Reply created = call("POST", "/api/centres", "{\"code\":\"ITEST-1\",\"name\":\"测试中心\"}", admin[0], admin[1]);
        assertEquals(created.body(), 201, created.status());
        assertTrue(site.centreByCode("ITEST-1").isPresent());
        assertEquals("centre.create", audit.latest("centre", 1).get(0).action());
    }

    @Test
    public void consoleCommands() throws Exception {
        String status = asAdmin("huijian:status");
        assertTrue(status, status.contains("Centres"));
        assertTrue(status, status.contains("core"));
        String added = asAdmin("huijian:account-add --role approver --password Console-Pass-553 approver2 审批员二");
        assertTrue(added, accounts.account("approver2").roles().toString().contains("approver"));
        String verify = execute("huijian:audit-verify", "auditor", "auditor", "viewer");
        assertTrue(verify, verify.contains("intact"));
        String list = asAdmin("huijian:centre-list");
        assertTrue(list, list.contains("GZ-TH"));
        try {
            execute("huijian:centre-add NOPE 不许", "auditor", "auditor", "viewer");
            throw new AssertionError("an auditor created a centre");
        } catch (Exception expected) {
            assertTrue(expected.getMessage(), expected.getMessage().contains("may not do this"));
        }
        assertTrue(site.centreByCode("NOPE").isEmpty());
    }

    @Test
    public void auditChainIsIntact() {
        var v = audit.verify();
        assertTrue(String.valueOf(v.problem()), v.intact());
        assertTrue(Arrays.asList(v.checked()).get(0) > 100);
    }
}
