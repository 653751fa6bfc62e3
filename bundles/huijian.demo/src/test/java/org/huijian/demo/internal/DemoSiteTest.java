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
import java.security.SecureRandom;
import java.util.List;
import org.huijian.accounts.AccountSpec;
import org.huijian.accounts.Authentication.Outcome;
import org.huijian.demo.internal.DemoData.AccountRow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The component on the real services and a real Derby database: where the password comes from,
 * that a generated one is printed once and kept owner-only, and what a refused one does.
 */
class DemoSiteTest {
    private static final DemoData DATA = DemoData.load(DemoData.builtIn());
    private static final List<String> ALL_ACCOUNTS = DATA.accounts().stream().map(AccountRow::username).toList();

    @TempDir
    Path dir;
    private Path karafData;
    private Path credentials;
    private RealSite real;
    private String oldKarafData;
    private PrintStream oldOut;
    private PrintStream oldErr;
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private final ByteArrayOutputStream log = new ByteArrayOutputStream(); // slf4j-simple writes to System.err

    @BeforeEach
    void open() throws Exception {
        real = new RealSite(Files.createDirectory(dir.resolve("store")));
        karafData = Files.createDirectory(dir.resolve("karaf-data"));
        credentials = karafData.resolve("huijian/demo-credentials.txt");
        oldKarafData = System.getProperty("karaf.data");
        System.setProperty("karaf.data", karafData.toString());
        oldOut = System.out;
        oldErr = System.err;
        System.setOut(new PrintStream(console, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void close() {
        System.setOut(oldOut);
        System.setErr(oldErr);
        if (oldKarafData == null) {
            System.clearProperty("karaf.data");
        } else {
            System.setProperty("karaf.data", oldKarafData);
        }
        real.close();
    }

    private void start(String password) throws InterruptedException {
        console.reset();
        log.reset();
        DemoSite demo = new DemoSite(real.site, real.directory, real.accounts, config(password));
        assertTrue(demo.awaitSeeding(60_000), "seeding finished");
        demo.deactivate();
    }

    private String console() {
        return console.toString(StandardCharsets.UTF_8);
    }

    private String log() {
        return log.toString(StandardCharsets.UTF_8);
    }

    private boolean signsIn(String username, String password) {
        return real.accounts.authenticate(username, password.toCharArray(), "test").outcome() == Outcome.OK;
    }

    private String savedPassword() throws Exception {
        return new String(DemoCredentials.read(credentials).orElseThrow());
    }

    @Test
    void withoutAPasswordOneIsGeneratedPrintedOnceAndSavedOwnerOnly() throws Exception {
        start("");

        assertEquals(7, real.accounts.accounts().size());
        assertEquals(3, real.site.centres().size());
        String password = savedPassword();
        assertEquals(DemoCredentials.LENGTH, password.length());
        assertEquals(DemoCredentials.OWNER_ONLY, Files.getPosixFilePermissions(credentials));
        assertTrue(console().contains("Huijian demo accounts: " + String.join(", ", ALL_ACCOUNTS) + "\n"), console());
        assertTrue(console().contains("password: " + password + "\n"), console());
        assertFalse(log().contains(password), "never in the log");
        assertTrue(log().contains("Demo site seeded: created 3 centres"), log());
        for (String username : ALL_ACCOUNTS) {
            assertTrue(signsIn(username, password), username);
        }

        int events = real.events().size();
        start("");
        assertFalse(console().contains("password"), "printed once only");
        assertTrue(log().contains("Demo site already in place (centre GZ-TH exists); nothing to do"), log());
        assertEquals(events, real.events().size(), "nothing written");
        assertEquals(password, savedPassword());
    }

    @Test
    void aRunThatStoppedHalfWayReusesTheSavedPassword() throws Exception {
        // What an earlier start left: the generated password saved for all seven accounts, and the
        // six accounts without a lawyer created with it through the real account service.
        char[] generated = DemoCredentials.generate(new SecureRandom(), ALL_ACCOUNTS);
        String first = new String(generated);
        DemoCredentials.write(credentials, ALL_ACCOUNTS, generated);
        for (AccountRow a : DATA.accounts()) {
            if (a.lawyer() == null) {
                real.accounts.create(DemoSite.ACTOR, new AccountSpec(a.username(), a.displayName(), a.roles(), null, null),
                        first.toCharArray());
            }
        }
        String file = Files.readString(credentials);

        start("");

        assertEquals(7, real.accounts.accounts().size());
        assertEquals(3, real.site.centres().size());
        assertTrue(signsIn("lawyer", first), "the new account gets the saved password");
        assertTrue(signsIn("admin", first));
        assertEquals("", console(), "nothing printed a second time");
        assertFalse(log().contains(first));
        assertTrue(log().contains("Demo accounts [lawyer] get the password saved in " + credentials), log());
        assertEquals(file, Files.readString(credentials));
    }

    @Test
    void aPasswordRefusedHalfWayIsReportedAndTheNextStartCompletesTheSite() throws Exception {
        // Meets the policy for the first six accounts, but contains the user name 'lawyer'.
        start("Lawyer#Demo-2026");

        assertTrue(log().contains("Demo site not seeded: creating account lawyer failed (password: must not contain "
                + "the user name); what was written stays and the next start completes it"), log());
        assertEquals(6, real.accounts.accounts().size());
        assertEquals(6, real.site.detentionCentres().size());
        assertEquals(List.of(), real.site.centres(), "no marker");
        assertFalse(Files.exists(credentials), "a configured password is not saved");

        start("");

        assertEquals(7, real.accounts.accounts().size());
        assertEquals(3, real.site.centres().size());
        assertEquals(6, real.site.detentionCentres().size(), "nothing twice");
        String generated = savedPassword();
        assertTrue(console().contains("Huijian demo accounts: lawyer\n"), console());
        assertTrue(console().contains("password: " + generated), console());
        assertTrue(signsIn("lawyer", generated));
        assertTrue(signsIn("admin", "Lawyer#Demo-2026"), "the accounts of the first start keep their password");
        assertTrue(real.audit.verify().intact());
    }

    @Test
    void aConfiguredPasswordIsUsedAndNeitherPrintedNorSaved() throws Exception {
        start("Configured#Pass-2026");
        assertEquals(7, real.accounts.accounts().size());
        for (String username : ALL_ACCOUNTS) {
            assertTrue(signsIn(username, "Configured#Pass-2026"), username);
        }
        assertFalse(Files.exists(credentials));
        assertFalse(console().contains("Configured#Pass-2026"));
        assertFalse(log().contains("Configured#Pass-2026"));
        assertTrue(log().contains("get the password set in org.huijian.demo.cfg"), log());
    }

    @Test
    void aConfiguredPasswordThePolicyRefusesStopsBeforeAnyWriteAndSaysWhy() throws Exception {
        start("short");
        assertTrue(log().contains("Demo site not seeded: creating account admin failed (password: must be at least "
                + "10 characters long"), log());
        assertEquals(List.of(), real.events(), "nothing written");
        assertEquals(List.of(), real.accounts.accounts());
        assertFalse(Files.exists(credentials));
        assertEquals("", console());
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
