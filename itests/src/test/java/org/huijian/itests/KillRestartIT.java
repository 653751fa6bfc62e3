package org.huijian.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The whole platform is killed with SIGKILL while running; everything it confirmed is there after restart. */
class KillRestartIT extends SiteTestBase {

    @Test
    void confirmedWritesSurviveKillMinus9() throws Exception {
        Api admin = signedIn("admin");
        for (int i = 1; i <= 5; i++) {
            Api.Reply r = admin.post("/api/centres", "{\"code\":\"KILL-" + i + "\",\"name\":\"强杀测试" + i + "\"}");
            assertEquals(201, r.status(), r.body());
        }
        site.kill9();
        site.start();
        site.awaitHealthy(Duration.ofSeconds(120));
        awaitDemoSite();
        Api again = signedIn("admin");
        String centres = again.get("/api/centres").body();
        for (int i = 1; i <= 5; i++) {
            assertTrue(centres.contains("\"KILL-" + i + "\""), "KILL-" + i + " survived");
        }
        Api.Reply chain = signedIn("auditor").get("/api/audit/verify");
        assertTrue(chain.body().contains("\"intact\":true"), chain.body());
    }
}
