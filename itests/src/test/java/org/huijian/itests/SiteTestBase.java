package org.huijian.itests;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * A real Huijian site for tests that work from the outside, like its users: the distribution unpacked
 * into {@code target/sites/<test class>} and started as its own process, with known passwords.
 */
abstract class SiteTestBase {
    static final String PASSWORD = KarafTestBase.PASSWORD;
    static Distribution site;

    @BeforeAll
    static void startSite(org.junit.jupiter.api.TestInfo info) throws Exception {
        Path dir = Path.of(System.getProperty("project.build.directory", "target"), "sites",
                info.getTestClass().orElseThrow().getSimpleName());
        site = Distribution.unpack(dir)
                .set("org.huijian.demo", "password", PASSWORD)
                .set("org.huijian.accounts", "kdfIterations", "20000")
                .env("HUIJIAN_ADMIN_PASSWORD", PASSWORD)
                .start();
        site.awaitHealthy(Duration.ofSeconds(120));
        awaitDemoSite();
    }

    /** The demo site is complete once its marker centre GZ-TH exists (it is created last) and its lawyer signs in. */
    static void awaitDemoSite() throws Exception {
        long end = System.currentTimeMillis() + 150_000;
        long readySince = 0;
        while (System.currentTimeMillis() < end) {
            try {
                Api admin = site.api();
                if (admin.signIn("admin", PASSWORD).status() == 200 && admin.get("/api/centres").body().contains("\"GZ-TH\"")
                        && site.api().signIn("lawyer", PASSWORD).status() == 200 && allCapabilities(admin)) {
                    // Features that start late republish the REST API (a moment of 404): ready once it held 1 s.
                    readySince = readySince == 0 ? System.currentTimeMillis() : readySince;
                    if (System.currentTimeMillis() - readySince >= 1_000) {
                        return;
                    }
                } else {
                    readySince = 0;
                }
            } catch (java.io.IOException notYet) {
                readySince = 0; // HTTPS restarts once after the certificate is generated
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the demo site did not come up: " + site.console());
    }

    /** Every feature the distribution boots has registered its capability. */
    static boolean allCapabilities(Api api) throws Exception {
        String body = api.get("/api/capabilities").body();
        for (String id : KarafTestBase.BOOTED_CAPABILITIES) {
            if (!body.contains("\"" + id + "\"")) {
                return false;
            }
        }
        return true;
    }

    @AfterAll
    static void stopSite() throws Exception {
        if (site != null) {
            site.stop();
        }
    }

    static Api signedIn(String user) throws Exception {
        Api api = site.api();
        Api.Reply r = api.signIn(user, PASSWORD);
        if (r.status() != 200) {
            throw new AssertionError("sign-in as " + user + ": " + r);
        }
        return api;
    }

}
