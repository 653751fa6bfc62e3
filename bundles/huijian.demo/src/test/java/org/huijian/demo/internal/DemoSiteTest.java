package org.huijian.demo.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The component: where the password comes from, and that it is printed once and kept owner-only. */
class DemoSiteTest {
    @TempDir
    Path karafData;
    private String oldKarafData;
    private PrintStream oldOut;
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private final InMemorySite site = new InMemorySite();

    @BeforeEach
    void redirect() {
        oldKarafData = System.getProperty("karaf.data");
        System.setProperty("karaf.data", karafData.toString());
        oldOut = System.out;
        System.setOut(new PrintStream(console, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(oldOut);
        if (oldKarafData == null) {
            System.clearProperty("karaf.data");
        } else {
            System.setProperty("karaf.data", oldKarafData);
        }
    }

    private void start(String password) throws InterruptedException {
        DemoSite demo = new DemoSite(site, site, site, config(password));
        assertTrue(demo.awaitSeeding(30_000));
        demo.deactivate();
    }

    @Test
    void withoutAPasswordOneIsGeneratedPrintedOnceAndSavedOwnerOnly() throws Exception {
        start("");
        assertEquals(7, site.accounts.size());
        String password = site.passwords.get("admin");
        assertTrue(password.length() >= 16);
        assertEquals(Set.of(password), Set.copyOf(site.passwords.values()));
        Path file = karafData.resolve("huijian/demo-credentials.txt");
        assertTrue(Files.readString(file).contains("password: " + password + "\n"));
        assertEquals(DemoCredentials.OWNER_ONLY, Files.getPosixFilePermissions(file));
        String printed = console.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("password: " + password), printed);

        console.reset();
        start("");
        assertFalse(console.toString(StandardCharsets.UTF_8).contains("password"), "printed once only");
    }

    @Test
    void aRunThatStoppedHalfWayReusesTheSavedPassword() throws Exception {
        site.failing = write -> write.startsWith("createCase");
        start("");
        assertEquals(6, site.accounts.size());
        String first = site.passwords.get("admin");

        console.reset();
        site.failing = write -> false;
        start("");
        assertEquals(7, site.accounts.size());
        assertEquals(first, site.passwords.get("lawyer"));
        assertFalse(console.toString(StandardCharsets.UTF_8).contains(first));
    }

    @Test
    void aConfiguredPasswordIsUsedAndNeitherPrintedNorSaved() throws Exception {
        start("Configured#Pass-2026");
        assertEquals(Set.of("Configured#Pass-2026"), Set.copyOf(site.passwords.values()));
        assertFalse(Files.exists(karafData.resolve("huijian/demo-credentials.txt")));
        assertFalse(console.toString(StandardCharsets.UTF_8).contains("Configured#Pass-2026"));
    }

    private static DemoConfig config(String password) {
        return new DemoConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return DemoConfig.class;
            }

            @Override
            public String password() {
                return password;
            }

            @Override
            public String dataFolder() {
                return "";
            }
        };
    }
}
