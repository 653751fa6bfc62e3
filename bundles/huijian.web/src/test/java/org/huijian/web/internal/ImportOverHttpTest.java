package org.huijian.web.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.cxf.jaxrs.JAXRSServerFactoryBean;
import org.apache.cxf.transport.servlet.CXFNonSpringServlet;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;
import org.huijian.accounts.AccountSpec;
import org.huijian.accounts.internal.DefaultAccountService;
import org.huijian.core.Actor;
import org.huijian.core.Role;
import org.huijian.site.DetentionCentre;
import org.huijian.site.DetentionCentreSpec;
import org.huijian.store.internal.JpaAccountStore;
import org.huijian.store.internal.JpaAuditLog;
import org.huijian.store.internal.JpaDirectoryService;
import org.huijian.store.internal.JpaSiteService;
import org.huijian.store.internal.TestDb;
import org.huijian.web.internal.rest.DirectoryResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CSV import over real HTTP: the REST application's own filter, mappers and JSON binding in CXF behind a
 * Jetty servlet (as Pax Web serves it in Karaf), on the real store and accounts on Derby.
 */
class ImportOverHttpTest {
    static final String PASSWORD = "Import-Test-2026";

    @TempDir
    Path dir;
    TestDb t;
    Server jetty;
    Bus bus;
    org.apache.cxf.endpoint.Server cxf;
    JpaDirectoryService directory;
    DetentionCentre dc;
    Sessions.Session admin;
    Sessions.Session approver;
    final HttpClient http = HttpClient.newHttpClient();
    String base;

    @BeforeEach
    void start() throws Exception {
        t = new TestDb(dir);
        JpaAuditLog audit = new JpaAuditLog(t.db);
        DefaultAccountService accounts = new DefaultAccountService(new JpaAccountStore(t.db), audit, 10_000, 5,
                Duration.ofMinutes(15), 8, Clock.systemUTC());
        for (Role role : List.of(Role.SITE_ADMIN, Role.APPROVER)) {
            accounts.create(Actor.SYSTEM, new AccountSpec(role.id(), role.id(), Set.of(role), null, null),
                    PASSWORD.toCharArray());
            accounts.changePassword(new Actor(role.id(), Set.of(role), "test"), PASSWORD.toCharArray(),
                    (PASSWORD + "!").toCharArray());
        }
        directory = new JpaDirectoryService(t.db);
        dc = new JpaSiteService(t.db).createDetentionCentre(Actor.SYSTEM,
                new DetentionCentreSpec("GZ-KSS1", "广州市第一看守所", null, null));
        Sessions sessions = new Sessions(Duration.ofMinutes(30), Duration.ofHours(1), 100, Clock.systemUTC());
        admin = sessions.open("site-admin");
        approver = sessions.open("approver");

        bus = BusFactory.newInstance().createBus();
        CXFNonSpringServlet servlet = new CXFNonSpringServlet();
        servlet.setBus(bus);
        JAXRSServerFactoryBean factory = new JAXRSServerFactoryBean();
        factory.setBus(bus);
        factory.setAddress("/");
        factory.setServiceBeans(List.of(new DirectoryResource(directory)));
        List<Object> providers = new ArrayList<>(ProblemMappers.all());
        providers.add(Json.provider());
        providers.add(new AuthFilter(sessions, accounts, 1_048_576));
        factory.setProviders(providers);
        cxf = factory.create();
        jetty = new Server(0);
        ServletContextHandler context = new ServletContextHandler();
        context.addServlet(new ServletHolder(servlet), "/api/*");
        jetty.setHandler(context);
        jetty.start();
        base = "http://localhost:" + ((org.eclipse.jetty.server.ServerConnector) jetty.getConnectors()[0]).getLocalPort();
    }

    @AfterEach
    void stop() throws Exception {
        if (jetty != null) {
            jetty.stop();
            cxf.destroy();
            bus.shutdown(true);
        }
        t.close();
    }

    private HttpResponse<String> post(Sessions.Session as, String query, byte[] body, String type) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + "/api/detention-centres/" + dc.id()
                + "/detainees/import" + query)).header("Content-Type", type).header("Accept", "application/json")
                .header("Cookie", Sessions.COOKIE + "=" + as.id())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (as.csrfToken() != null) {
            b.header(AuthFilter.CSRF_HEADER, as.csrfToken());
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString(UTF_8));
    }

    private static String type(HttpResponse<?> r) {
        return r.headers().firstValue("Content-Type").orElse("");
    }

    @Test
    void checksThenImports() throws Exception {
        byte[] file = ("监所编号,姓名,性别,案件编号,涉嫌罪名,诉讼阶段\r\nH-1,张三,男,K-1,\"盗窃罪, 诈骗罪\",侦查\r\nH-2,李四,女,,,\r\n")
                .getBytes(Charset.forName("GB18030"));
        HttpResponse<String> preview = post(admin, "?dryRun=true&fileName=%E5%90%8D%E5%8D%95.csv", file, "text/csv");
        assertEquals(200, preview.statusCode(), preview.body());
        assertTrue(type(preview).startsWith("application/json"), type(preview));
        assertTrue(preview.body().contains("\"fileName\":\"名单.csv\"") && preview.body().contains("\"encoding\":\"GB18030\"")
                && preview.body().contains("\"dryRun\":true") && preview.body().contains("\"detaineesCreated\":2")
                && preview.body().contains("\"casesCreated\":1") && preview.body().contains("\"mode\":\"CREATE\""),
                preview.body());
        assertEquals(0, directory.detainees(dc.id()).size());

        HttpResponse<String> done = post(admin, "?dryRun=false", file, "text/csv; charset=GB18030");
        assertEquals(200, done.statusCode(), done.body());
        assertEquals(2, directory.detainees(dc.id()).size());
        assertEquals("盗窃罪, 诈骗罪", directory.cases(directory.detainees(dc.id()).get(0).id()).get(0).charge());

        HttpResponse<String> update = post(admin, "?mode=update", file, "text/csv");
        assertTrue(update.body().contains("\"detaineesUnchanged\":2") && update.body().contains("\"mode\":\"CREATE_OR_UPDATE\""),
                update.body());
    }

    @Test
    void jsonAnswersGoOutWholeWithTheirLength() throws Exception {
        // Flushed before the end, an answer would go out chunked: headers and body, then an empty chunk to end it.
        HttpResponse<String> ok = post(admin, "?dryRun=true", "code,name,gender\nH-1,某人,M\n".getBytes(UTF_8), "text/csv");
        HttpResponse<String> problem = post(admin, "?dryRun=true", "code,name,gender\nH-1,,M\n".getBytes(UTF_8), "text/csv");
        assertEquals(200, ok.statusCode(), ok.body());
        assertEquals(400, problem.statusCode(), problem.body());
        for (HttpResponse<String> r : List.of(ok, problem)) {
            assertEquals(String.valueOf(r.body().getBytes(UTF_8).length), r.headers().firstValue("Content-Length").orElse(null),
                    r.headers().map().toString());
            assertTrue(r.headers().firstValue("Transfer-Encoding").isEmpty(), r.headers().map().toString());
        }
    }

    @Test
    void aBadFileIsA400ListingEveryRowAndNothingIsStored() throws Exception {
        byte[] file = "code,name,gender\nH-1,,M\nH-2,王五,X\nH-3,赵六,F\n".getBytes(UTF_8);
        HttpResponse<String> r = post(admin, "?dryRun=false", file, "text/csv");
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(type(r).startsWith("application/problem+json"), type(r));
        assertTrue(r.body().contains("\"errors\":[{\"line\":2,\"column\":\"name\",\"field\":\"name\",\"message\":\"is required\"},"
                + "{\"line\":3,\"column\":\"gender\",\"field\":\"gender\",\"message\":\"\\\"X\\\" is not a gender; write 男 or 女 "
                + "(MALE or FEMALE)\"}]"), r.body());
        assertTrue(r.body().contains("\"errorCount\":2") && r.body().contains("\"type\":\"https://huijian.org/problems/invalid-input\""),
                r.body());
        assertEquals(0, directory.detainees(dc.id()).size());
    }

    @Test
    void onlyCsvFromASiteAdministratorWithinTheLimits() throws Exception {
        byte[] file = "code,name,gender\nH-1,某人,M\n".getBytes(UTF_8);
        HttpResponse<String> json = post(admin, "", file, "application/json");
        assertEquals(415, json.statusCode(), json.body());
        assertTrue(json.body().contains("send the body as text/csv"), json.body());

        HttpResponse<String> role = post(approver, "", file, "text/csv");
        assertEquals(403, role.statusCode(), role.body());
        assertTrue(role.body().contains("forbidden"), role.body());

        Sessions.Session noToken = new Sessions.Session(admin.id(), admin.username(), null, admin.created(), admin.lastSeen());
        assertEquals(403, post(noToken, "", file, "text/csv").statusCode(), "no CSRF token");

        HttpResponse<String> typo = post(admin, "?dryRun=ture", file, "text/csv");
        assertEquals(400, typo.statusCode());
        assertTrue(typo.body().contains("\"field\":\"dryRun\""), typo.body());

        byte[] big = new byte[org.huijian.directory.DirectoryService.MAX_IMPORT_BYTES + 1];
        java.util.Arrays.fill(big, (byte) 'a');
        HttpResponse<String> tooBig = post(admin, "", big, "text/csv");
        assertEquals(413, tooBig.statusCode(), tooBig.body());
        assertTrue(tooBig.body().contains("payload-too-large"), tooBig.body());

        // JSON keeps its own, smaller limit.
        byte[] bigJson = new byte[1_048_577];
        java.util.Arrays.fill(bigJson, (byte) ' ');
        HttpResponse<String> jsonTooBig = http.send(HttpRequest.newBuilder(URI.create(base + "/api/detainees"))
                .header("Content-Type", "application/json").header("Cookie", Sessions.COOKIE + "=" + admin.id())
                .header(AuthFilter.CSRF_HEADER, admin.csrfToken()).POST(HttpRequest.BodyPublishers.ofByteArray(bigJson))
                .build(), HttpResponse.BodyHandlers.ofString(UTF_8));
        assertEquals(413, jsonTooBig.statusCode(), jsonTooBig.body());
        assertEquals(0, directory.detainees(dc.id()).size());
    }
}
