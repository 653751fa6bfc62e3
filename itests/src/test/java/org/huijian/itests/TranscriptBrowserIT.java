package org.huijian.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.huijian.itests.DocumentsIT.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.PointerInput;
import org.openqa.selenium.interactions.Sequence;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The transcript (会见笔录) in two headless Chromium terminals of one live meeting on the assembled distribution: the
 * lawyer writes questions and answers (autosaved; text typed just before the page is reloaded — a crash — comes back
 * from the terminal's storage and is saved; text typed offline is kept and saved when the network is back), submits
 * for signing; the detainee's page shows the frozen text and signs
 * it with pen strokes (WebDriver pointer actions of kind pen, with pressure); the lawyer's page shows it sealed; the
 * lawyer prints it on the (simulated) printer beside the terminal; the PDF downloaded by an auditor verifies, and
 * one changed byte does not.
 */
class TranscriptBrowserIT extends SiteTestBase {
    static final List<ChromeDriver> BROWSERS = new ArrayList<>();

    @AfterAll
    static void closeBrowsers() {
        BROWSERS.forEach(ChromeDriver::quit);
        BROWSERS.clear();
    }

    static ChromeDriver terminal(String secret, long meeting) throws Exception {
        ChromeDriver b = Browsers.chromium(1100, 1300);
        BROWSERS.add(b);
        b.get(site.https() + "/transcript/terminal.html?meeting=" + meeting);
        MeetingBrowserIT.waitFor(b, 20).until(ExpectedConditions.visibilityOfElementLocated(By.id("secret")))
                .sendKeys(secret);
        b.findElement(By.cssSelector("form button[type=submit]")).click();
        MeetingBrowserIT.waitFor(b, 20).until(d -> state(b).get("state") != null);
        return b;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> state(ChromeDriver b) {
        Object s = ((JavascriptExecutor) b).executeScript(
                "return window.huijianTranscript ? window.huijianTranscript.state() : {}");
        return (Map<String, Object>) s;
    }

    @Test
    void theLawyerWritesTheDetaineeSignsWithAPenAndThePdfVerifies() throws Exception {
        ZoneOffset zone = LiveMeetings.prepare(site, 5);
        LocalDateTime start = LiveMeetings.soon(zone, 3);
        Api admin = signedIn("admin");
        LiveMeetings.Booked m = LiveMeetings.book(admin, LiveMeetings.openCentre(admin, start, 30), start, "TRB-1");
        String lawyerSecret = MeetingIT.issue(admin, m.lawyerTerminal());
        String detaineeSecret = MeetingIT.issue(admin, m.detaineeTerminal());
        String base = "/api/meetings/" + m.meeting() + "/transcript";
        java.nio.file.Path printed = site.home().resolve("browser-printed");
        java.nio.file.Files.writeString(site.home().resolve("etc/org.huijian.driver.simprinter-browser.cfg"),
                "id = browser-printer\ndisplayName = 会见室打印机\nterminal = "
                        + DocumentsIT.terminalCode(admin, m.lawyerTerminal()) + "\nfolder = "
                        + printed.toString().replace("\\", "/") + "\nprintMillis = 200\n");
        LiveMeetings.installFeatures(site, "browser-printer", "huijian-driver-simprinter");

        ChromeDriver lawyer = terminal(lawyerSecret, m.meeting());
        ChromeDriver detainee = terminal(detaineeSecret, m.meeting());
        assertEquals("LAWYER", state(lawyer).get("kind"));
        assertEquals("DETAINEE", state(detainee).get("kind"));
        MeetingBrowserIT.waitFor(detainee, 10).until(ExpectedConditions.textToBePresentInElementLocated(By.id("state"),
                "律师正在记录会见笔录"));

        // The lawyer writes; each change is saved within about a second.
        lawyer.findElement(By.id("add-q")).click();
        lawyer.findElements(By.cssSelector(".turn-text")).get(0).sendKeys("你是否清楚今天会见的目的？");
        lawyer.findElement(By.id("add-a")).click();
        lawyer.findElements(By.cssSelector(".turn-text")).get(1).sendKeys("清楚，律师来了解案件情况。");
        MeetingBrowserIT.waitFor(lawyer, 10).until(d -> "saved".equals(state(lawyer).get("saveState"))
                && !Boolean.TRUE.equals(state(lawyer).get("dirty")));
        assertTrue(DocumentsIT.call(lawyerSecret, "GET", base, null, null).body().contains("清楚，律师来了解案件情况。"));

        // Typed and the page gone at once (a crash): the text comes back from the terminal's storage and is saved.
        lawyer.findElement(By.id("add-q")).click();
        WebElement third = lawyer.findElements(By.cssSelector(".turn-text")).get(2);
        third.sendKeys("你有没有受到刑讯逼供？");
        ((JavascriptExecutor) lawyer).executeScript("location.reload()");
        long until = System.currentTimeMillis() + 15_000;
        String saved = "";
        while (System.currentTimeMillis() < until && !saved.contains("你有没有受到刑讯逼供？")) {
            Thread.sleep(300);
            saved = DocumentsIT.call(lawyerSecret, "GET", base, null, null).body();
        }
        assertTrue(saved.contains("你有没有受到刑讯逼供？"), "restored and saved after the reload: " + saved);
        MeetingBrowserIT.waitFor(lawyer, 10).until(d -> d.findElements(By.cssSelector(".turn-text")).size() == 3);
        lawyer.findElements(By.cssSelector(".turn-text")).get(2).sendKeys("没有。");
        MeetingBrowserIT.waitFor(lawyer, 10).until(d -> "saved".equals(state(lawyer).get("saveState"))
                && !Boolean.TRUE.equals(state(lawyer).get("dirty")));

        // Typed while the network is gone: kept on the terminal, saved once it is back.
        org.openqa.selenium.chromium.ChromiumNetworkConditions offline = new org.openqa.selenium.chromium.ChromiumNetworkConditions();
        offline.setOffline(true);
        lawyer.setNetworkConditions(offline);
        lawyer.findElement(By.id("add-a")).click();
        lawyer.findElements(By.cssSelector(".turn-text")).get(3).sendKeys("我要求申请取保候审。");
        MeetingBrowserIT.waitFor(lawyer, 15).until(d -> "offline".equals(state(lawyer).get("saveState")));
        assertTrue(String.valueOf(((JavascriptExecutor) lawyer).executeScript("return localStorage.getItem("
                + "'huijian.transcript.draft." + m.meeting() + "')")).contains("我要求申请取保候审。"), "kept locally");
        assertFalse(DocumentsIT.call(lawyerSecret, "GET", base, null, null).body().contains("我要求申请取保候审。"));
        lawyer.deleteNetworkConditions();
        MeetingBrowserIT.waitFor(lawyer, 20).until(d -> "saved".equals(state(lawyer).get("saveState"))
                && !Boolean.TRUE.equals(state(lawyer).get("dirty")));
        assertTrue(DocumentsIT.call(lawyerSecret, "GET", base, null, null).body().contains("我要求申请取保候审。"),
                "saved once the network came back");

        // 提交签字: the detainee's page shows the frozen text and the signature box.
        lawyer.findElement(By.id("submit")).click();
        MeetingBrowserIT.waitFor(lawyer, 5).until(ExpectedConditions.alertIsPresent()).accept();
        MeetingBrowserIT.waitFor(lawyer, 10).until(d -> "SUBMITTED".equals(state(lawyer).get("state")));
        MeetingBrowserIT.waitFor(detainee, 10).until(ExpectedConditions.visibilityOfElementLocated(By.id("pad")));
        String read = detainee.findElement(By.id("turns")).getText();
        assertTrue(read.contains("你是否清楚今天会见的目的？") && read.contains("你有没有受到刑讯逼供？没有。"), read);

        // The detainee signs with a pen: three strokes with pressure, through WebDriver's pointer actions.
        WebElement pad = detainee.findElement(By.id("pad"));
        ((JavascriptExecutor) detainee).executeScript("arguments[0].scrollIntoView({block: 'center'})", pad);
        Thread.sleep(300);
        PointerInput pen = new PointerInput(PointerInput.Kind.PEN, "pen");
        Sequence strokes = new Sequence(pen, 0);
        int[][][] paths = {
            { { -300, -40 }, { -260, -70 }, { -220, -20 }, { -180, 30 }, { -150, -10 }, { -120, -50 } },
            { { -60, -60 }, { -40, 0 }, { -20, 50 }, { 10, 10 }, { 40, -40 }, { 80, 20 } },
            { { 120, 30 }, { 160, -50 }, { 200, -10 }, { 240, 40 }, { 280, -30 } } };
        for (int[][] path : paths) {
            strokes.addAction(pen.createPointerMove(Duration.ZERO, PointerInput.Origin.fromElement(pad), path[0][0],
                    path[0][1]));
            strokes.addAction(pen.createPointerDown(PointerInput.MouseButton.LEFT.asArg(),
                    PointerInput.eventProperties().setPressure(0.4f)));
            for (int i = 1; i < path.length; i++) {
                strokes.addAction(pen.createPointerMove(Duration.ofMillis(60), PointerInput.Origin.fromElement(pad),
                        path[i][0], path[i][1], PointerInput.eventProperties().setPressure(0.3f + 0.1f * i)));
            }
            strokes.addAction(pen.createPointerUp(PointerInput.MouseButton.LEFT.asArg()));
        }
        detainee.perform(List.of(strokes));
        assertEquals(3L, ((Number) state(detainee).get("strokes")).longValue(), "three strokes captured");
        detainee.findElement(By.id("sign-confirm")).click();
        MeetingBrowserIT.waitFor(detainee, 30).until(ExpectedConditions.visibilityOfElementLocated(By.id("signed")));

        // The lawyer's page follows: sealed, with the PDF's hash.
        MeetingBrowserIT.waitFor(lawyer, 15).until(ExpectedConditions.visibilityOfElementLocated(By.id("sealed")));
        String sha = String.valueOf(state(lawyer).get("pdfSha256"));
        assertTrue(lawyer.findElement(By.id("pdf-sha")).getText().contains(sha));

        // 打印 on the printer beside the lawyer terminal: the printer writes the sealed PDF.
        MeetingBrowserIT.waitFor(lawyer, 60).until(d -> {
            if (d.findElements(By.cssSelector("#printer option[value='browser-printer']")).isEmpty()) {
                ((JavascriptExecutor) lawyer).executeScript("location.reload()");
                try {
                    Thread.sleep(1500);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return false;
            }
            return true;
        });
        lawyer.findElement(By.id("print")).click();
        MeetingBrowserIT.waitFor(lawyer, 15).until(ExpectedConditions.visibilityOfElementLocated(By.id("prints")));
        MeetingBrowserIT.waitFor(lawyer, 5).until(d -> "PRINTED".equals(state(lawyer).get("state")));
        java.nio.file.Path file = TranscriptIT.awaitPdf(printed);
        assertEquals(sha, DocumentsIT.sha256(java.nio.file.Files.readAllBytes(file)), "the printer got the sealed PDF");

        // The PDF produced verifies; one byte changed does not.
        TranscriptIT.Person auditor = TranscriptIT.person("auditor");
        Reply pdf = TranscriptIT.call(null, "GET", base + "/pdf", null, auditor);
        assertEquals(200, pdf.status(), pdf.body());
        assertEquals(sha, DocumentsIT.sha256(pdf.data()));
        Reply valid = TranscriptIT.verify(auditor, pdf.data());
        assertTrue(valid.body().contains("\"valid\":true") && valid.body().contains("\"matchesStored\":true"), valid.body());
        byte[] changed = pdf.data().clone();
        changed[changed.length / 3] ^= 0x20;
        assertTrue(TranscriptIT.verify(auditor, changed).body().contains("\"valid\":false"));
        String audit = signedIn("auditor").get("/api/audit/latest?action=transcript.sign").body();
        assertTrue(audit.contains("3 strokes") && audit.contains("from terminal:"), audit);
    }
}
