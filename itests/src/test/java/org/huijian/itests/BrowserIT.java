package org.huijian.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The web app in a real headless Chromium (Debian's), against the running site over HTTPS. */
class BrowserIT extends SiteTestBase {
    static ChromeDriver browser;
    static WebDriverWait wait;

    @BeforeAll
    static void openBrowser() throws Exception {
        browser = Browsers.chromium(1280, 900);
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @BeforeEach
    void freshStart() {
        browser.manage().window().setSize(new Dimension(1280, 900));
        browser.get(site.https() + "/");
        browser.manage().deleteAllCookies();
        ((JavascriptExecutor) browser).executeScript("localStorage.clear()");
        browser.get(site.https() + "/index.html#/login");
        browser.navigate().refresh();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
    }

    private void signIn(String user, String password) {
        WebElement name = browser.findElement(By.id("username"));
        name.clear();
        name.sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("login-submit")).click();
    }

    @Test
    void loginPageSpeaksChineseFirst() {
        assertEquals("zh-CN", browser.findElement(By.tagName("html")).getAttribute("lang"));
        assertEquals("登录", browser.findElement(By.id("login-submit")).getText());
    }

    @Test
    void aWrongPasswordShowsAClearMessage() {
        signIn("admin", "not-the-password");
        WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-error")));
        try {
            wait.until(ExpectedConditions.textToBePresentInElement(error, "用户名或密码错误"));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("the message was: " + error.getText(), e);
        }
        assertTrue(browser.findElements(By.id("admin-console")).isEmpty());
    }

    @Test
    void theAdministratorSeesTheConsole() {
        signIn("admin", PASSWORD);
        WebElement console = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("admin-console")));
        assertTrue(console.isDisplayed());
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("nav-accounts")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("admin-console"), "GZ-TH"));
        browser.findElement(By.id("logout")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-submit")));
    }

    @Test
    void theAdministratorSetsUpACentreAndSeesServerErrorsByTheField() {
        signIn("admin", PASSWORD);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("admin-console")));
        browser.get(site.https() + "/index.html#/admin/centres");
        WebElement code = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("centre-form-code")));
        code.sendKeys("GZ-TH");
        browser.findElement(By.id("centre-form-name")).sendKeys("重复的中心");
        browser.findElement(By.id("centre-form-submit")).click();
        WebElement codeError = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("centre-form-code-error")));
        assertTrue(codeError.getText().contains("GZ-TH"), "the server's conflict is shown by the field: " + codeError.getText());
        assertEquals("重复的中心", browser.findElement(By.id("centre-form-name")).getAttribute("value"), "input kept");

        code.clear();
        code.sendKeys("GZ-PY");
        WebElement name = browser.findElement(By.id("centre-form-name"));
        name.clear();
        name.sendKeys("番禺区律师视频会见中心");
        browser.findElement(By.id("centre-form-submit")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("centre-table"), "番禺区律师视频会见中心"));
    }

    @Test
    void theAdministratorIssuesATerminalItsDeviceCredentialOnceAndRevokesIt() throws Exception {
        signIn("admin", PASSWORD);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("admin-console")));
        browser.get(site.https() + "/index.html#/admin/terminals");
        WebElement issue = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[id^='credential-']")));
        String terminal = issue.getAttribute("id").substring("credential-".length());
        issue.click();
        String secret = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("credential-secret"))).getText();
        assertTrue(secret.startsWith("hjt_") && secret.length() == 47, secret);
        assertEquals(200, MeetingIT.asTerminal(secret, "GET", "/api/terminal").status(), "the kiosk signs in with it");
        WebElement revoke = wait.until(ExpectedConditions.elementToBeClickable(By.id("revoke-" + terminal)));
        revoke.click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("credential-secret")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("terminal-table"), "吊销"));
        assertEquals(401, MeetingIT.asTerminal(secret, "GET", "/api/terminal").status(), "revoked at once");
    }

    @Test
    void theLawyerSeesThePortalAlsoOnAPhone() {
        browser.manage().window().setSize(new Dimension(375, 812));
        signIn("lawyer", PASSWORD);
        WebElement portal = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("lawyer-portal")));
        assertTrue(portal.isDisplayed());
        assertTrue(browser.findElements(By.id("nav-accounts")).isEmpty(), "no admin sections for a lawyer");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("lawyer-portal"), "天河"));
        Long overflow = (Long) ((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertTrue(overflow <= 0, "no horizontal scrolling at 375 px: " + overflow);
    }

    @Test
    void englishIsOneClickAway() {
        browser.findElement(By.id("lang-toggle")).click();
        wait.until(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", "en"));
        wait.until(ExpectedConditions.textToBe(By.id("login-submit"), "Sign in"));
    }
}
