package org.huijian.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * Document display (文书展示) in two headless Chromium kiosks of one live meeting on the assembled distribution: the
 * lawyer shows a page from the (simulated) document camera beside the terminal, then one from a file, then a still
 * its own browser takes from its UVC document camera (Chromium's synthetic camera, configured by label); the detainee's
 * screen follows — the same capture, the same zoom — with the recognised text over the page, selectable and
 * searchable; the lawyer closes the display and it closes on both.
 */
class DocumentsBrowserIT extends SiteTestBase {
    static final List<ChromeDriver> BROWSERS = new ArrayList<>();

    @AfterAll
    static void closeBrowsers() {
        BROWSERS.forEach(ChromeDriver::quit);
        BROWSERS.clear();
    }

    static ChromeDriver kiosk(String secret) throws Exception {
        ChromeDriver b = Browsers.chromium(1280, 900, true);
        BROWSERS.add(b);
        b.get(site.https() + "/kiosk/index.html");
        MeetingBrowserIT.waitFor(b, 20).until(ExpectedConditions.visibilityOfElementLocated(By.id("secret")))
                .sendKeys(secret);
        b.findElement(By.id("save-secret")).click();
        MeetingBrowserIT.waitFor(b, 20).until(ExpectedConditions.textToBe(By.id("conn-status"), "已连接"));
        return b;
    }

    /**
     * Clicks a document-display control. A banner (a supervisor's reminder, a time warning, a media notice) lies over
     * the top of the screen and is closed first, as a person at the terminal would.
     */
    static void press(ChromeDriver b, By by) {
        for (WebElement close : b.findElements(By.cssSelector("#banner:not([hidden]) .banner-close"))) {
            if (close.isDisplayed()) {
                close.click();
            }
        }
        MeetingBrowserIT.click(b, by, 20);
    }

    static Object js(ChromeDriver b, String script, Object... args) {
        return ((JavascriptExecutor) b).executeScript(script, args);
    }

    @Test
    void theDetaineeScreenFollowsTheLawyersDocumentWithSelectableSearchableText() throws Exception {
        ZoneOffset zone = LiveMeetings.prepare(site, 5);
        LocalDateTime start = LiveMeetings.soon(zone, 3);
        Api admin = signedIn("admin");
        LiveMeetings.Booked m = LiveMeetings.book(admin, LiveMeetings.openCentre(admin, start, 30), start, "DOCB-1");
        String lawyerSecret = MeetingIT.issue(admin, m.lawyerTerminal());
        String detaineeSecret = MeetingIT.issue(admin, m.detaineeTerminal());

        // A simulated document camera beside this lawyer terminal, serving a page of ours.
        Path folder = site.home().resolve("browser-camera");
        Files.createDirectories(folder);
        Files.write(folder.resolve("page.png"), DocumentsIT.png(DocumentsIT.page(-6, true)));
        Files.writeString(site.home().resolve("etc/org.huijian.driver.simcamera-browser.cfg"), "id = browser-doc\n"
                + "terminal = " + DocumentsIT.terminalCode(admin, m.lawyerTerminal()) + "\nfolder = "
                + folder.toString().replace("\\", "/") + "\ndemoPages = 0\ndelayMillis = 100\n");
        // And the UVC document camera of its own browser: Chromium's synthetic camera ("fake_device_0") stands in.
        Files.writeString(site.home().resolve("etc/org.huijian.driver.uvc-browser.cfg"), "id = browser-uvc\n"
                + "terminal = " + DocumentsIT.terminalCode(admin, m.lawyerTerminal()) + "\nlabel = fake\n"
                + "width = 1280\nheight = 720\n");
        String cameras = "";
        for (int i = 0; i < 60 && !(cameras.contains("browser-doc") && cameras.contains("browser-uvc")); i++) {
            Thread.sleep(500);
            cameras = MeetingIT.asTerminal(lawyerSecret, "GET", "/api/document-cameras").body();
        }
        assertTrue(cameras.contains("\"id\":\"browser-doc\",\"available\":true") && cameras.contains("\"label\":\"fake\""),
                cameras);

        ChromeDriver detainee = kiosk(detaineeSecret);
        ChromeDriver lawyer = kiosk(lawyerSecret);
        MeetingBrowserIT.click(detainee, By.id("ready"), 20);
        MeetingBrowserIT.click(lawyer, By.id("connect"), 20);
        MeetingBrowserIT.waitFor(lawyer, 30).until(ExpectedConditions.visibilityOfElementLocated(By.id("call")));
        assertTrue(detainee.findElements(By.id("doc-open")).isEmpty(), "only the lawyer terminal shows documents");

        // From the document camera: progress, then the page on both screens.
        press(lawyer, By.id("doc-open"));
        new Select(lawyer.findElement(By.id("doc-source"))).selectByValue("server:browser-doc");
        press(lawyer, By.id("doc-take"));
        MeetingBrowserIT.waitFor(lawyer, 20).until(d -> d.findElement(By.id("doc-progress")).isDisplayed()
                || "1".equals(d.findElement(By.id("doc-panel")).getAttribute("data-seq")));
        MeetingBrowserIT.waitFor(lawyer, 90).until(ExpectedConditions.attributeToBe(By.id("doc-panel"), "data-seq", "1"));
        MeetingBrowserIT.waitFor(detainee, 30).until(ExpectedConditions.attributeToBe(By.id("doc-panel"), "data-seq", "1"));
        List<WebElement> lines = detainee.findElements(By.cssSelector("#doc-text .doc-line"));
        assertTrue(lines.size() >= 4, "the text lies over the page: " + lines.size() + " lines");
        String all = String.valueOf(js(detainee, "return document.getElementById('doc-text').textContent"));
        assertTrue(all.contains("授权委托书") && all.contains("律师"), all);
        assertTrue(((Number) js(detainee, "return document.getElementById('doc-image').naturalWidth")).intValue() > 500,
                "the straight page is shown");

        // Selectable: invisible text that a selection picks up as text.
        WebElement first = lines.get(0);
        assertEquals("rgba(0, 0, 0, 0)", first.getCssValue("color"));
        assertEquals("text", first.getCssValue("user-select"));
        String selected = String.valueOf(js(detainee, "const r = document.createRange();"
                + "r.selectNodeContents(document.getElementById('doc-text'));"
                + "const s = window.getSelection(); s.removeAllRanges(); s.addRange(r); return s.toString();"));
        assertTrue(selected.contains("律师"), selected);

        // Searchable: the lines with the word light up.
        detainee.findElement(By.id("doc-search")).sendKeys("律师");
        MeetingBrowserIT.waitFor(detainee, 5).until(d -> !d.findElements(By.cssSelector("#doc-text .doc-line.hit")).isEmpty());
        assertTrue(detainee.findElement(By.id("doc-hits")).getText().matches("\\d+ 处匹配"));
        for (WebElement hit : detainee.findElements(By.cssSelector("#doc-text .doc-line.hit"))) {
            assertTrue(hit.getAttribute("data-text").contains("律师"), hit.getAttribute("data-text"));
        }

        // The lawyer zooms; the detainee's view follows.
        press(lawyer, By.id("doc-zoom-in"));
        press(lawyer, By.id("doc-zoom-in"));
        MeetingBrowserIT.waitFor(detainee, 10).until(ExpectedConditions.attributeToBe(By.id("doc-panel"), "data-zoom", "1.563"));

        // The detainee's page reloaded mid-display: it comes back showing what the lawyer shows.
        detainee.navigate().refresh();
        MeetingBrowserIT.waitFor(detainee, 30).until(ExpectedConditions.textToBe(By.id("conn-status"), "已连接"));
        MeetingBrowserIT.waitFor(detainee, 60).until(ExpectedConditions.attributeToBe(By.id("doc-panel"), "data-seq", "1"));
        MeetingBrowserIT.waitFor(detainee, 10).until(ExpectedConditions.attributeToBe(By.id("doc-panel"), "data-zoom", "1.563"));

        // From a file: the second capture, on both screens.
        Path file = folder.resolveSibling("letter.png");
        Files.write(file, DocumentsIT.png(DocumentsIT.page(4, true)));
        WebElement input = lawyer.findElement(By.id("doc-file"));
        js(lawyer, "arguments[0].hidden = false", input);
        input.sendKeys(file.toAbsolutePath().toString());
        MeetingBrowserIT.waitFor(lawyer, 90).until(ExpectedConditions.attributeToBe(By.id("doc-panel"), "data-seq", "2"));
        MeetingBrowserIT.waitFor(detainee, 30).until(ExpectedConditions.attributeToBe(By.id("doc-panel"), "data-seq", "2"));
        assertEquals("1.000", detainee.findElement(By.id("doc-panel")).getAttribute("data-zoom"), "a new page fits");

        // From the terminal's own UVC camera, captured in the lawyer's browser: a test pattern, no page, no text.
        new Select(lawyer.findElement(By.id("doc-source"))).selectByValue("browser:browser-uvc");
        press(lawyer, By.id("doc-take"));
        MeetingBrowserIT.waitFor(lawyer, 90).until(ExpectedConditions.attributeToBe(By.id("doc-panel"), "data-seq", "3"));
        MeetingBrowserIT.waitFor(detainee, 30).until(ExpectedConditions.attributeToBe(By.id("doc-panel"), "data-seq", "3"));
        String third = MeetingIT.asTerminal(lawyerSecret, "GET", "/api/meetings/" + m.meeting() + "/documents/3").body();
        assertTrue(third.contains("\"source\":\"upload\"") && third.contains("\"mediaType\":\"image/png\"")
                && third.contains("\"state\":\"done\""), third);

        // Closed by the lawyer: gone from both screens.
        press(lawyer, By.id("doc-close"));
        MeetingBrowserIT.waitFor(detainee, 10).until(d -> d.findElements(By.id("doc-panel")).isEmpty());
        assertTrue(lawyer.findElements(By.id("doc-panel")).isEmpty());
        String list = MeetingIT.asTerminal(lawyerSecret, "GET", "/api/meetings/" + m.meeting() + "/documents").body();
        assertTrue(list.contains("\"source\":\"camera:browser-doc\"") && list.contains("\"source\":\"upload\""), list);
    }
}
