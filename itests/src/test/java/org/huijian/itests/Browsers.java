package org.huijian.itests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/** Debian's headless Chromium, driven by its own ChromeDriver, trusting the site's self-signed certificate. */
final class Browsers {
    private Browsers() {
    }

    static ChromeDriver chromium(int width, int height) throws IOException {
        return chromium(width, height, false);
    }

    /**
     * With {@code fakeMedia}, Chromium's synthetic camera and microphone (a moving test pattern and a beep) stand in
     * for the hardware this machine does not have, allowed without a prompt; videos play without a gesture.
     */
    static ChromeDriver chromium(int width, int height, boolean fakeMedia) throws IOException {
        Path profile = Files.createTempDirectory("huijian-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile, "--window-size=" + width + "," + height, "--lang=zh-CN");
        if (fakeMedia) {
            options.addArguments("--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream",
                    "--autoplay-policy=no-user-gesture-required");
        }
        options.setAcceptInsecureCerts(true);
        return new ChromeDriver(new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).build(), options) {
            @Override
            public void quit() {
                try {
                    super.quit();
                } finally {
                    delete(profile);
                }
            }
        };
    }

    /** Removes a browser's profile (several megabytes each) once it has quit. */
    static void delete(Path profile) {
        try (java.util.stream.Stream<Path> files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // left in the temporary directory
        }
    }
}
