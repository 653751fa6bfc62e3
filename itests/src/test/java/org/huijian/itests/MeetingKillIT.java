package org.huijian.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The server is killed with SIGKILL in the middle of a meeting relayed and recorded by the bridge, and the centre's
 * terminals go down with it. After the restart the recordings made so far play (closed off as interrupted, with their
 * size and SHA-256), the meeting ends with a reason once its grace period has passed, and nothing else is damaged
 * (the audit chain is intact).
 */
class MeetingKillIT extends SiteTestBase {

    @AfterAll
    static void closeBrowsers() {
        MeetingBrowserIT.closeBrowsers();
    }

    @Test
    void aKilledServerLeavesPlayableRecordingsAndEndsTheMeetingWithAReason() throws Exception {
        site.set("org.huijian.meeting", "graceSeconds", "10");
        ZoneOffset zone = LiveMeetings.prepare(site, 5); // waits until the site answers again
        LocalDateTime start = LiveMeetings.soon(zone, 3);
        Api admin = signedIn("admin");
        LiveMeetings.Booked b = LiveMeetings.book(admin, LiveMeetings.openCentre(admin, start, 30), start, "KILL-M");
        ChromeDriver detainee = MeetingBrowserIT.kiosk(MeetingIT.issue(admin, b.detaineeTerminal()));
        ChromeDriver lawyer = MeetingBrowserIT.kiosk(MeetingIT.issue(admin, b.lawyerTerminal()));
        MeetingBrowserIT.click(detainee, By.id("ready"), 30);
        MeetingBrowserIT.click(lawyer, By.id("connect"), 30);
        MeetingBrowserIT.callFlows(lawyer, "the lawyer side");
        MeetingBrowserIT.callFlows(detainee, "the detainee side");
        Thread.sleep(5_000);

        site.kill9();
        MeetingBrowserIT.closeBrowsers(); // the centre lost power too: the terminals do not come back
        site.start();
        site.awaitHealthy(Duration.ofSeconds(120));
        awaitDemoSite();

        Api auditor = signedIn("auditor");
        String recordings = auditor.get("/api/media/recordings/" + b.meeting()).body();
        assertTrue(recordings.contains("\"party\":\"lawyer\"") && recordings.contains("\"party\":\"detainee\"")
                && recordings.contains("\"interrupted\":true") && recordings.matches("(?s).*\"sha256\":\"[0-9a-f]{64}\".*"),
                recordings);
        for (String party : new String[] { "lawyer", "detainee" }) {
            long frames = Recordings.assertVideoOnly(Recordings.file(site, b.meeting(), party, 1), 0);
            assertTrue(frames >= 50, party + ": the recording plays up to the kill: " + frames + " frames");
        }

        String meeting = "";
        for (int i = 0; i < 60 && !meeting.contains("\"state\":\"ENDED\""); i++) {
            Thread.sleep(1000);
            meeting = signedIn("supervisor").get("/api/meetings/" + b.meeting()).body();
        }
        assertTrue(meeting.contains("\"state\":\"ENDED\"") && meeting.matches("(?s).*\"endReason\":\"[^\"]+\".*"),
                "ended with a reason: " + meeting);
        String events = signedIn("supervisor").get("/api/meetings/" + b.meeting() + "/events").body();
        assertTrue(events.contains("\"kind\":\"restarted\"") && events.contains("\"kind\":\"ended\""), events);
        assertEquals(200, auditor.get("/api/audit/verify").status());
        assertTrue(auditor.get("/api/audit/verify").body().contains("\"intact\":true"));
    }
}
