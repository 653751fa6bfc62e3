package org.huijian.itests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The booking story in a real headless Chromium: a lawyer registers, an approver verifies the licence, the
 * lawyer books with the two letters, the approver approves, the lawyer sees it approved (and has the
 * message), then cancels.
 */
class BookingBrowserIT extends SiteTestBase {
    static ChromeDriver browser;
    static WebDriverWait wait;
    static Path letter;

    @BeforeAll
    static void openBrowser() throws Exception {
        browser = Browsers.chromium(1280, 1000);
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        letter = Files.createTempFile("letter", ".pdf");
        Files.write(letter, "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n".getBytes());
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    private void signIn(String user, String password) {
        browser.get(site.https() + "/");
        browser.manage().deleteAllCookies();
        browser.get(site.https() + "/index.html#/login");
        browser.navigate().refresh();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("login-submit")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("logout")));
    }

    private WebElement visible(String id) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
    }

    private void click(String id) {
        wait.until(ExpectedConditions.elementToBeClickable(By.id(id))).click();
    }

    private void type(String id, String text) {
        WebElement e = visible(id);
        e.clear();
        e.sendKeys(text);
    }

    @Test
    void registerVerifyBookApproveCancel() throws Exception {
        // 1. Register in the portal.
        browser.get(site.https() + "/index.html#/login");
        browser.navigate().refresh();
        click("register-link");
        type("register-form-name", "何晓东");
        type("register-form-idCardNo", TestData.idCard("44010619870909123"));
        type("register-form-licenceNo", "14401201810000099");
        new Select(visible("register-form-lawFirmId")).selectByIndex(1);
        type("register-form-mobile", "13800138099");
        type("register-form-username", "he.xiaodong");
        type("register-form-password", PASSWORD);
        type("register-form-confirm", PASSWORD);
        click("register-form-submit");
        visible("register-done");

        // 2. An approver verifies the licence.
        Api admin = signedIn("admin");
        Matcher lawyer = Pattern.compile("\"lawyerId\":(\\d+)").matcher(admin.get("/api/qualifications/pending").body());
        assertTrue(lawyer.find());
        String lawyerId = lawyer.group(1);
        signIn("approver", PASSWORD);
        click("nav-qualifications");
        click("verify-" + lawyerId);
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("verify-" + lawyerId)));

        // 3. The lawyer books, with the two letters.
        long centre = Long.parseLong(admin.get("/api/centres").body().replaceAll("(?s).*\\{\"id\":(\\d+),\"code\":\"GZ-TH\".*", "$1"));
        long dc = Long.parseLong(admin.get("/api/centres/" + centre + "/detention-centres").body()
                .replaceAll("(?s)^\\[\\{\"id\":(\\d+).*", "$1"));
        Matcher det = Pattern.compile("\\{\"id\":(\\d+)").matcher(admin.get("/api/detention-centres/" + dc + "/detainees").body());
        String detaineeId = null;
        String caseId = null;
        while (caseId == null && det.find()) {
            Matcher c = Pattern.compile("\\{\"id\":(\\d+),[^}]*\"approvalRequired\":false,\"interpreterNeeded\":false")
                    .matcher(admin.get("/api/detainees/" + det.group(1) + "/cases").body());
            if (c.find()) {
                detaineeId = det.group(1);
                caseId = c.group(1);
            }
        }
        LocalDate day = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(2);
        while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY
                || admin.get("/api/centres/" + centre + "/opening?date=" + day).body().equals("[]")) {
            day = day.plusDays(1);
        }
        signIn("he.xiaodong", PASSWORD);
        click("nav-book");
        new Select(visible("availability-form-centreId")).selectByValue(Long.toString(centre));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#availability-form-detentionCentreId option[value='" + dc + "']")));
        new Select(visible("availability-form-detentionCentreId")).selectByValue(Long.toString(dc));
        ((JavascriptExecutor) browser).executeScript("const d = document.getElementById('availability-form-date');"
                + "d.value = arguments[0]; d.dispatchEvent(new Event('change', { bubbles: true }));", day.toString());
        click("slot-0930");
        type("booking-form-detaineeId", detaineeId);
        type("booking-form-caseId", caseId);
        visible("booking-form-authorisationLetter");
        browser.findElement(By.id("booking-form-authorisationLetter")).sendKeys(letter.toString());
        browser.findElement(By.id("booking-form-firmLetter")).sendKeys(letter.toString());
        click("booking-form-submit");
        WebElement done = visible("booking-done");
        Matcher ref = Pattern.compile("YY\\d{8}-\\d{6}").matcher(done.getText());
        assertTrue(ref.find(), done.getText());
        String reference = ref.group();

        // 4. The approver reads the letters that came with it in the document viewer, then approves it.
        String bookingId = admin.get("/api/bookings/pending").body().replaceAll("(?s).*\\{\"id\":(\\d+),\"reference\":\""
                + reference + "\".*", "$1");
        signIn("approver", PASSWORD);
        click("nav-approvals");
        WebElement letterButton = wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("[id^='letter-" + bookingId + "-']")));
        assertTrue(letterButton.getText().contains("委托书") || letterButton.getText().contains("律所公函"), letterButton.getText());
        letterButton.click();
        WebElement content = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("document-content")));
        assertTrue(content.getAttribute("src").matches(".*/api/documents/\\d+/content"), content.getAttribute("src"));
        click("approve-" + bookingId);
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("approve-" + bookingId)));

        // 5. The lawyer sees it approved, has the message, and cancels.
        signIn("he.xiaodong", PASSWORD);
        click("nav-my-bookings");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("my-bookings-table"), "已批准"));
        Api lawyerApi = signedIn("he.xiaodong");
        assertTrue(lawyerApi.get("/api/me/messages").body().contains("预约已通过：" + reference));
        // The site's 24 h cut-off, in site time: the booking starts at least two days ahead, so it can still change.
        String until = browser.findElement(By.id("changeable-" + bookingId)).getText();
        assertTrue(until.startsWith("可取消或改期至 " + day.minusDays(1)), until);
        click("cancel-" + bookingId);
        type("cancel-form-reason", "当事人已委托其他律师");
        click("cancel-form-submit");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("my-bookings-table"), "已取消"));
    }
}
