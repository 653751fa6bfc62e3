package org.huijian.demo.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.huijian.accounts.AccountService;
import org.huijian.core.Actor;
import org.huijian.core.Role;
import org.huijian.demo.internal.DemoData.DemoDataException;
import org.huijian.directory.DirectoryService;
import org.huijian.site.SiteService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seeds the demo site when the bundle starts, on a thread of its own so that activation stays
 * quick. See {@link DemoSeeder} for what is written and in which order, and the bundle's README.
 */
@Component(configurationPid = DemoSite.PID)
@Designate(ocd = DemoConfig.class)
public final class DemoSite {
    static final String PID = "org.huijian.demo";
    static final Actor ACTOR = new Actor("demo", Set.of(Role.SITE_ADMIN), "demo");
    private static final Logger LOG = LoggerFactory.getLogger(DemoSite.class);

    private final SiteService site;
    private final DirectoryService directory;
    private final AccountService accounts;
    private final String password;
    private final String dataFolder;
    private final Optional<Path> credentialsFile;
    private final Thread worker;

    @Activate
    public DemoSite(@Reference(name = "site") SiteService site,
            @Reference(name = "directory") DirectoryService directory,
            @Reference(name = "accounts") AccountService accounts, DemoConfig config) {
        this.site = site;
        this.directory = directory;
        this.accounts = accounts;
        this.password = config.password() == null ? "" : config.password();
        this.dataFolder = config.dataFolder() == null ? "" : config.dataFolder().strip();
        this.credentialsFile = DemoCredentials.file(System.getProperty("karaf.data"));
        this.worker = new Thread(this::run, "huijian-demo-seed");
        worker.setDaemon(true);
        worker.start();
    }

    @Deactivate
    void deactivate() {
        worker.interrupt();
        try {
            worker.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits for the seeding thread to finish (for tests). */
    boolean awaitSeeding(long millis) throws InterruptedException {
        worker.join(millis);
        return !worker.isAlive();
    }

    private void run() {
        try {
            DemoData data = DemoData.load(dataFolder.isEmpty() ? DemoData.builtIn()
                    : DemoData.folder(Path.of(dataFolder)));
            DemoSeeder.Outcome outcome = new DemoSeeder(site, directory, accounts, ACTOR).seed(data, this::passwordFor);
            LOG.info(outcome.summary());
        } catch (DemoDataException e) {
            LOG.error("Demo site not seeded, nothing written: {}", e.getMessage());
        } catch (DemoSeeder.Stopped e) {
            LOG.info("Demo seeding {}; it resumes at the next start", e.getMessage());
        } catch (DemoSeeder.SeedException e) {
            if (Thread.currentThread().isInterrupted()) {
                LOG.info("Demo seeding stopped at {}; it resumes at the next start", e.step());
            } else {
                LOG.error("Demo site not seeded: {} failed ({}); what was written stays and the next start "
                        + "completes it", e.step(), e.getCause().getMessage() == null
                                ? e.getCause().getClass().getName() : e.getCause().getMessage());
                LOG.debug("Demo seeding failure", e);
            }
        } catch (RuntimeException e) {
            LOG.error("Demo site not seeded: {}", e.toString(), e);
        }
    }

    /**
     * The configured password; else the one saved by an earlier, unfinished run; else a new one,
     * saved to the credentials file and printed once to the console (never to the log).
     */
    private char[] passwordFor(List<String> usernames) {
        if (!password.isBlank()) {
            LOG.info("Demo accounts {} get the password set in {}.cfg", usernames, PID);
            return password.toCharArray();
        }
        try {
            if (credentialsFile.isPresent()) {
                Optional<char[]> saved = DemoCredentials.read(credentialsFile.get());
                if (saved.isPresent()) {
                    LOG.info("Demo accounts {} get the password saved in {}", usernames, credentialsFile.get());
                    return saved.get();
                }
            }
            char[] generated = DemoCredentials.generate(new SecureRandom(), usernames);
            if (credentialsFile.isPresent()) {
                DemoCredentials.write(credentialsFile.get(), usernames, generated);
            } else {
                LOG.warn("karaf.data is not set: the generated demo password is printed to the console only");
            }
            System.out.println(DemoCredentials.banner(usernames, generated, credentialsFile));
            System.out.flush();
            credentialsFile.filter(Files::exists).ifPresent(f -> LOG.info(
                    "Demo accounts {} get a generated password, printed to the console and saved in {}", usernames,
                    f));
            return generated;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the generated password in " + credentialsFile.orElse(null)
                    + ": " + e.getMessage(), e);
        }
    }
}
