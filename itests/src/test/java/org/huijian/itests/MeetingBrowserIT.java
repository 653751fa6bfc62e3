package org.huijian.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Two meetings end to end in real headless Chromium (synthetic camera and microphone) on the assembled distribution:
 * a lawyer terminal, a detainee terminal and a supervisor's console, each its own browser. Ready → "the other side is
 * ready" → Connect; both sides decode each other's video and receive audio; the console decodes both videos and has
 * no audio at all; a reminder shows on both terminals; bad messages from another terminal change nothing; the detainee
 * page closed and reopened mid-call resumes the call; the time limit warns both sides and ends the meeting. The
 * second meeting is force-terminated from the console and ends on both terminals.
 */
class MeetingBrowserIT extends SiteTestBase {
    static final List<ChromeDriver> BROWSERS = new ArrayList<>();

    @AfterAll
    static void closeBrowsers() {
        BROWSERS.forEach(ChromeDriver::quit);
        BROWSERS.clear();
    }

    static ChromeDriver browser() throws Exception {
        ChromeDriver b = Browsers.chromium(1280, 800, true);
        BROWSERS.add(b);
        return b;
    }

    /** A wait that looks again when the page re-rendered the element it had found (a meeting changed). */
    static WebDriverWait waitFor(ChromeDriver b, int seconds) {
        WebDriverWait w = new WebDriverWait(b, Duration.ofSeconds(seconds));
        w.ignoring(StaleElementReferenceException.class);
        return w;
    }

    /**
     * Clicks the element once it is shown and enabled; finding and clicking happen in one step of the wait, so a page
     * that re-renders it in between (a presence or meeting update) only makes the wait look again.
     */
    static void click(ChromeDriver b, By by, int seconds) {
        waitFor(b, seconds).until(d -> {
            WebElement e = d.findElement(by);
            if (!e.isDisplayed() || !e.isEnabled()) {
                return false;
            }
            e.click();
            return true;
        });
    }

    /** A kiosk page signed in with a device credential typed into its setup form. */
    static ChromeDriver kiosk(String secret) throws Exception {
        ChromeDriver b = browser();
        b.get(site.https() + "/kiosk/index.html");
        WebElement field = waitFor(b, 20).until(ExpectedConditions.visibilityOfElementLocated(By.id("secret")));
        assertEquals("zh-CN", b.findElement(By.tagName("html")).getAttribute("lang"));
        field.sendKeys(secret);
        b.findElement(By.id("save-secret")).click();
        waitFor(b, 20).until(ExpectedConditions.textToBe(By.id("conn-status"), "已连接"));
        return b;
    }

    /** The call's figures the kiosk page reads from getStats(), as JSON. */
    static String stats(ChromeDriver b, String expression) {
        Object json = ((JavascriptExecutor) b).executeAsyncScript("const done = arguments[arguments.length - 1];"
                + expression + ".then(s => done(JSON.stringify(s)), e => done('error: ' + e))");
        return String.valueOf(json);
    }

    /** A figure inside an object member of the stats, e.g. {@code inboundVideo.framesDecoded}; -1 if absent. */
    static long figure(String json, String object, String field) {
        Matcher m = Pattern.compile("\"" + object + "\":\\{([^}]*)\\}").matcher(json);
        if (!m.find()) {
            return -1;
        }
        Matcher f = Pattern.compile("\"" + field + "\":(\\d+)").matcher(m.group(1));
        return f.find() ? Long.parseLong(f.group(1)) : -1;
    }

    /** Waits until the kiosk's figures satisfy {@code ok}; the last figures otherwise. */
    static String until(ChromeDriver b, String expression, int seconds, Predicate<String> ok, String what)
            throws InterruptedException {
        String last = "";
        for (int i = 0; i < seconds * 2; i++) {
            last = stats(b, expression);
            if (ok.test(last)) {
                return last;
            }
            Thread.sleep(500);
        }
        throw new AssertionError(what + " within " + seconds + " s; last figures: " + last);
    }

    /** Video from the other side is decoded (and keeps coming) and its audio arrives. */
    static void callFlows(ChromeDriver b, String side) throws InterruptedException {
        String first = until(b, "window.huijianKiosk.stats()", 60, s -> figure(s, "inboundVideo", "framesDecoded") > 10
                && figure(s, "inboundAudio", "bytesReceived") > 0, side + " decodes the other side's video and hears it");
        long frames = figure(first, "inboundVideo", "framesDecoded");
        long audio = figure(first, "inboundAudio", "bytesReceived");
        until(b, "window.huijianKiosk.stats()", 20, s -> figure(s, "inboundVideo", "framesDecoded") > frames + 10
                && figure(s, "inboundAudio", "bytesReceived") > audio, side + "'s decoded frames and audio keep rising");
    }

    @Test
    void twoMeetingsRunInTheTerminalsAndTheConsoleWithVideoOnlyForTheSupervisor() throws Exception {
        // Meetings open half an hour early, so the second one (two slots later: the booking grid is 15 minutes and
        // this start is not on it) is live by the time the first one ends.
        ZoneOffset zone = LiveMeetings.prepare(site, 30);
        LocalDateTime start = LiveMeetings.soon(zone, 3);
        Api admin = signedIn("admin");
        long centre = LiveMeetings.openCentre(admin, start, 45);
        LiveMeetings.Booked first = LiveMeetings.book(admin, centre, start, "E2E-A");
        LiveMeetings.Booked next = LiveMeetings.bookOnly(admin, centre, start.plusMinutes(30), "E2E-B");
        assertEquals(first.lawyerTerminal(), next.lawyerTerminal());
        assertEquals(first.detaineeTerminal(), next.detaineeTerminal());
        long meeting = first.meeting();
        String lawyerName = admin.get("/api/terminals").body()
                .replaceAll("(?s).*\\{\"id\":" + first.lawyerTerminal() + ",[^}]*?\"name\":\"([^\"]+)\".*", "$1");
        String detaineeName = admin.get("/api/terminals").body()
                .replaceAll("(?s).*\\{\"id\":" + first.detaineeTerminal() + ",[^}]*?\"name\":\"([^\"]+)\".*", "$1");

        ChromeDriver detainee = kiosk(MeetingIT.issue(admin, first.detaineeTerminal()));
        ChromeDriver lawyer = kiosk(MeetingIT.issue(admin, first.lawyerTerminal()));
        String presence = admin.get("/api/terminal-presence").body();
        assertTrue(presence.contains("\"terminalId\":" + first.lawyerTerminal() + ",")
                && presence.contains("\"terminalId\":" + first.detaineeTerminal() + ","), "both online: " + presence);
        // Both show the booking; only the detainee side can press Ready.
        for (ChromeDriver b : List.of(detainee, lawyer)) {
            waitFor(b, 20).until(ExpectedConditions.textToBePresentInElementLocated(By.id("meeting-card"), "会见测试E2E-A"));
        }
        waitFor(lawyer, 5).until(ExpectedConditions.textToBe(By.id("waiting"), "等待在押人员就位…"));
        click(detainee, By.id("ready"), 20);
        waitFor(detainee, 10).until(ExpectedConditions.textToBePresentInElementLocated(By.id("ready-done"), "已就位"));
        assertEquals("对方已就位", waitFor(lawyer, 10).until(ExpectedConditions.visibilityOfElementLocated(
                By.id("ready-prompt"))).getText());
        WebElement connect = lawyer.findElement(By.id("connect"));
        assertEquals("请按此键接通", connect.getText());
        connect.click();

        // The call: each side decodes the other's video and receives its audio; names and elapsed time on the video.
        callFlows(lawyer, "the lawyer side");
        callFlows(detainee, "the detainee side");
        assertTrue(admin.get("/api/bookings/" + first.booking()).body().contains("\"status\":\"IN_MEETING\""),
                "the booking is in the meeting");
        assertEquals(detaineeName, lawyer.findElement(By.id("remote-name")).getText());
        assertEquals(lawyerName, detainee.findElement(By.id("remote-name")).getText());
        waitFor(lawyer, 10).until(d -> d.findElement(By.id("elapsed")).getText().matches("00:00:(0[1-9]|[1-5][0-9])|00:0[1-9]:[0-5][0-9]"));
        assertTrue(lawyer.findElement(By.cssSelector(".remote [data-role=elapsed]")).getText().matches("\\d\\d:\\d\\d:\\d\\d"));
        String quality = waitFor(lawyer, 10).until(d -> {
            String q = d.findElement(By.id("quality")).getText();
            return q.matches("\\d+×\\d+ · \\d+ fps.*") ? q : null;
        });

        // The supervisor's console: every live meeting, both cameras, no audio at all.
        ChromeDriver console = browser();
        console.get(site.https() + "/index.html#/login");
        waitFor(console, 20).until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys("supervisor");
        console.findElement(By.id("password")).sendKeys(PASSWORD);
        console.findElement(By.id("login-submit")).click();
        waitFor(console, 20).until(ExpectedConditions.visibilityOfElementLocated(By.id("admin-console")));
        console.get(site.https() + "/index.html#/admin/live");
        WebElement card = waitFor(console, 20).until(ExpectedConditions.visibilityOfElementLocated(By.id("live-" + meeting)));
        waitFor(console, 20).until(ExpectedConditions.textToBePresentInElementLocated(By.id("live-connection"), "已连接"));
        assertTrue(card.getText().contains("会见测试E2E-A") && card.getText().contains("会见中"), card.getText());
        console.findElement(By.id("watch-" + meeting)).click();
        String watched = until(console, "window.huijianConsole.stats()", 60, s -> s.contains("\"" + meeting + ":lawyer\"")
                && s.contains("\"" + meeting + ":detainee\"") && decodedBoth(s, meeting), "the console decodes both videos");
        for (String party : List.of("lawyer", "detainee")) {
            String s = watched.replaceAll("(?s).*\"" + meeting + ":" + party + "\":\\{([^}]*)\\}.*", "$1");
            assertTrue(s.contains("\"audioTracks\":0") && s.contains("\"audioBytes\":0") && s.contains("\"audioSections\":0")
                    && s.contains("\"videoTracks\":1"), party + " to the console: " + s);
        }
        assertTrue(admin.get("/api/audit/latest?action=meeting.monitor").body().contains("\"supervisor\""),
                "watching is audited");
        String channels = signedIn("supervisor").get("/api/media/channels").body();
        assertTrue(channels.contains("\"meetings\":1,\"legs\":2,\"monitors\":2") && channels.contains("\"audioToMonitors\":0"),
                "the bridge carries the meeting, both parties and two monitor feeds, no audio to them: " + channels);

        // A reminder from the console shows on both terminals.
        console.findElement(By.id("remind-text-" + meeting)).sendKeys("请注意会见时间");
        console.findElement(By.id("remind-" + meeting)).click();
        for (ChromeDriver b : List.of(lawyer, detainee)) {
            waitFor(b, 10).until(ExpectedConditions.textToBePresentInElementLocated(By.id("banner"), "请注意会见时间"));
            assertTrue(b.findElement(By.id("banner")).getText().contains("监管提醒"));
        }

        // Another terminal's forged and malformed messages are refused; the call goes on.
        MeetingIT.Socket intruder = MeetingIT.Socket.open();
        long other = LiveMeetings.otherLawyerTerminal(admin, first.lawyerTerminal());
        intruder.say("{\"type\":\"hello\",\"secret\":\"" + MeetingIT.issue(admin, other) + "\"}");
        MeetingFlowIT.await(intruder, "welcome");
        intruder.say("{\"type\":\"connect\",\"meetingId\":" + meeting + "}");
        assertTrue(MeetingFlowIT.await(intruder, "\"type\":\"error\"").contains("wrong-terminal"));
        intruder.say("{\"type\":\"signal\",\"meetingId\":" + meeting + ",\"channel\":\"call\",\"kind\":\"offer\",\"sdp\":\"v=0\"}");
        assertTrue(MeetingFlowIT.await(intruder, "\"type\":\"error\"").contains("meetingId"));
        intruder.say("{\"type\":\"hangup\",\"meetingId\":99999999}");
        MeetingFlowIT.await(intruder, "\"type\":\"error\"");
        intruder.say("{not json");
        MeetingFlowIT.await(intruder, "\"type\":\"error\"");
        callFlows(lawyer, "the lawyer side after the intruder");

        // The detainee page is closed and opened again mid-call: the call resumes, without a new booking.
        detainee.get("about:blank");
        Thread.sleep(2_000);
        detainee.get(site.https() + "/kiosk/index.html");
        waitFor(detainee, 20).until(ExpectedConditions.visibilityOfElementLocated(By.id("call")));
        callFlows(detainee, "the reopened detainee side");
        callFlows(lawyer, "the lawyer side after the detainee came back");
        String events = signedIn("supervisor").get("/api/meetings/" + meeting + "/events").body();
        assertTrue(events.contains("\"kind\":\"disconnected\"") && events.contains("\"kind\":\"reconnected\""), events);
        assertTrue(signedIn("supervisor").get("/api/meetings/" + meeting).body().contains("\"state\":\"CONNECTED\""));

        // The time limit: set from the console to a minute past now; both sides are warned, then it ends.
        String live = signedIn("supervisor").get("/api/meetings/" + meeting).body();
        String connectedAt = live.replaceAll(".*\"connectedAt\":\"([^\"]+)\".*", "$1");
        long minutes = Duration.between(java.time.Instant.parse(connectedAt), java.time.Instant.now()).toMinutes() + 1;
        console.findElement(By.id("limit-minutes-" + meeting)).sendKeys(String.valueOf(minutes));
        console.findElement(By.id("limit-" + meeting)).click();
        for (ChromeDriver b : List.of(lawyer, detainee)) {
            waitFor(b, 90).until(ExpectedConditions.attributeToBe(By.id("banner"), "data-kind", "warning"));
            assertTrue(b.findElement(By.id("banner")).getText().contains("距离会见结束还有"), b.findElement(By.id("banner")).getText());
        }
        for (ChromeDriver b : List.of(lawyer, detainee)) {
            waitFor(b, 150).until(ExpectedConditions.visibilityOfElementLocated(By.id("ended")));
            assertTrue(b.findElement(By.id("end-reason")).getText().contains("已到通话时限"), b.findElement(By.id("ended")).getText());
        }
        waitFor(console, 20).until(ExpectedConditions.invisibilityOfElementLocated(By.id("live-" + meeting)));

        // Both parties' video was recorded through the bridge: VP8, no audio, as long as the call.
        String over = signedIn("supervisor").get("/api/meetings/" + meeting).body();
        double callSeconds = Duration.between(java.time.Instant.parse(over.replaceAll(".*\"connectedAt\":\"([^\"]+)\".*", "$1")),
                java.time.Instant.parse(over.replaceAll(".*\"endedAt\":\"([^\"]+)\".*", "$1"))).toMillis() / 1000.0;
        String recordings = "";
        for (int i = 0; i < 20 && !(recordings.contains("\"party\":\"lawyer\"") && recordings.contains("\"sha256\":\"")); i++) {
            Thread.sleep(500);
            recordings = signedIn("auditor").get("/api/media/recordings/" + meeting).body();
        }
        assertTrue(recordings.contains("\"party\":\"lawyer\"") && recordings.contains("\"party\":\"detainee\"")
                && recordings.matches("(?s).*\"sha256\":\"[0-9a-f]{64}\".*"), recordings);
        Recordings.assertVideoOnly(Recordings.file(site, meeting, "lawyer", 1), callSeconds);
        Recordings.assertVideoOnly(Recordings.file(site, meeting, "detainee", 1), 0);
        Recordings.assertVideoOnly(Recordings.file(site, meeting, "detainee", 2), 0); // after the page came back
        Api.Reply play = signedIn("auditor").raw(java.net.http.HttpRequest.newBuilder(java.net.URI.create(site.api().base()
                + "/api/media/recordings/" + meeting + "/lawyer/1")).header("Range", "bytes=0-99"));
        assertEquals(206, play.status(), "the player may seek: " + play.status());
        assertEquals("video/webm", play.contentType());
        assertEquals(401, site.api().raw(java.net.http.HttpRequest.newBuilder(java.net.URI.create(site.api().base()
                + "/api/media/recordings/" + meeting + "/lawyer/1"))).status(), "not without a session");
        assertEquals(403, signedIn("lawyer").get("/api/media/recordings/" + meeting).status(), "lawyers do not see recordings");
        // The composite view plays both sides together in the console.
        console.get(site.https() + "/index.html#/admin/recordings");
        click(console, By.id("play-" + meeting), 20);
        click(console, By.id("composite-toggle"), 20);
        String playing = waitFor(console, 30).until(d -> {
            Object v = ((JavascriptExecutor) d).executeScript("const l = document.getElementById('composite-lawyer');"
                    + "const r = document.getElementById('composite-detainee');"
                    + "return l && r && l.currentTime > 2 && r.currentTime > 1 && l.videoWidth > 0 && r.videoWidth > 0"
                    + " ? l.currentTime + ' ' + r.currentTime : null;");
            return v == null ? null : v.toString();
        });
        assertTrue(playing.matches("[0-9.]+ [0-9.]+"), playing);

        // The second meeting, booked for the next slot, comes up on the same terminals; the console terminates it.
        LiveMeetings.Booked second = new LiveMeetings.Booked(LiveMeetings.awaitMeeting(next.booking(), 180),
                next.booking(), next.lawyerTerminal(), next.detaineeTerminal(), next.start());
        click(detainee, By.id("ready"), 30);
        click(lawyer, By.id("connect"), 20);
        callFlows(lawyer, "the lawyer side of the second meeting");
        console.get(site.https() + "/index.html#/admin/live");
        WebElement reason = waitFor(console, 20).until(ExpectedConditions.visibilityOfElementLocated(
                By.id("terminate-reason-" + second.meeting())));
        reason.sendKeys("违反会见规定");
        ((JavascriptExecutor) console).executeScript("window.confirm = () => true");
        console.findElement(By.id("terminate-" + second.meeting())).click();
        for (ChromeDriver b : List.of(lawyer, detainee)) {
            WebElement ended = waitFor(b, 20).until(ExpectedConditions.visibilityOfElementLocated(By.id("ended")));
            waitFor(b, 5).until(ExpectedConditions.textToBePresentInElement(ended, "违反会见规定"));
            assertTrue(ended.getText().contains("会见已被监管人员终止"), ended.getText());
            assertEquals("none", stats(b, "window.huijianKiosk.stats()").replaceAll(".*\"connectionState\":\"(\\w+)\".*", "$1"),
                    "the call is closed");
        }
        System.out.printf("[meeting-browser] quality on the lawyer side: %s%n", quality);
    }

    static boolean decodedBoth(String stats, long meeting) {
        for (String party : List.of("lawyer", "detainee")) {
            String s = stats.replaceAll("(?s).*\"" + meeting + ":" + party + "\":\\{([^}]*)\\}.*", "$1");
            Matcher m = Pattern.compile("\"framesDecoded\":(\\d+)").matcher(s);
            if (!m.find() || Long.parseLong(m.group(1)) < 10) {
                return false;
            }
        }
        return true;
    }

}
