package org.huijian.itests;

import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivilegedExceptionAction;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
import javax.inject.Inject;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.security.auth.Subject;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.ops4j.pax.exam.Option;

/**
 * What the Pax Exam tests share: the assembled distribution on free ports with known passwords, HTTPS
 * calls from inside the container, and console commands run as a given user.
 */
public abstract class KarafTestBase {
    static final String PASSWORD = "Itest-Pass-4821!";

    @Inject
    protected SessionFactory sessionFactory;

    /** Options for a container of the assembled distribution; {@code extra} may add more. */
    protected static Option[] distribution(Option... extra) {
        int http = freePort();
        int https = freePort();
        List<Option> options = new ArrayList<>(List.of(
                karafDistributionConfiguration()
                        .frameworkUrl("file:" + System.getProperty("huijian.distribution"))
                        .unpackDirectory(new File(System.getProperty("project.build.directory", "target"), "exam"))
                        .useDeployFolder(false),
                configureConsole().ignoreLocalConsole(),
                editConfigurationFilePut("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port", Integer.toString(http)),
                editConfigurationFilePut("etc/org.huijian.web.cfg", "httpsPort", Integer.toString(https)),
                editConfigurationFilePut("etc/org.apache.karaf.shell.cfg", "sshPort", Integer.toString(freePort())),
                editConfigurationFilePut("etc/org.huijian.demo.cfg", "password", PASSWORD),
                editConfigurationFilePut("etc/system.properties", "huijian.admin.password", PASSWORD),
                // Faster sign-ins in tests; the work factor itself is measured in bench/.
                editConfigurationFilePut("etc/org.huijian.accounts.cfg", "kdfIterations", "20000"),
                systemProperty("huijian.test.http").value(Integer.toString(http)),
                systemProperty("huijian.test.https").value(Integer.toString(https))));
        options.addAll(List.of(extra));
        return options.toArray(new Option[0]);
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits for a condition, checking every 200 ms. */
    protected static void await(String what, long millis, Callable<Boolean> condition) throws Exception {
        long end = System.currentTimeMillis() + millis;
        Exception last = null;
        while (System.currentTimeMillis() < end) {
            try {
                if (condition.call()) {
                    return;
                }
            } catch (Exception e) {
                last = e;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("timed out waiting for " + what + (last == null ? "" : ": " + last));
    }

    // ---- console ----

    /** Runs a console command as a user with the given Huijian (and matching Karaf) roles; returns its output. */
    protected String execute(String command, String user, String... roles) throws Exception {
        Subject subject = new Subject();
        subject.getPrincipals().add(new UserPrincipal(user));
        for (String role : roles) {
            subject.getPrincipals().add(new RolePrincipal(role));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        Session session = sessionFactory.create(InputStream.nullInputStream(), print, print);
        try {
            Object result = Subject.doAs(subject, (PrivilegedExceptionAction<Object>) () -> session.execute(command));
            if (result != null) {
                print.println(result);
            }
        } catch (java.security.PrivilegedActionException e) {
            throw e.getException();
        } finally {
            session.close();
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    protected String asAdmin(String command) throws Exception {
        return execute(command, "admin", "site-admin", "admin", "manager", "viewer");
    }

    // ---- HTTPS from inside the container ----

    /** A reply to an HTTPS call. */
    protected record Reply(int status, String contentType, String body, String cookie) {
    }

    protected static String https(String path) {
        return "https://localhost:" + System.getProperty("huijian.test.https") + path;
    }

    /** Calls the site over HTTPS, trusting exactly its generated certificate. */
    protected static Reply call(String method, String path, String json, String cookie, String csrf) throws Exception {
        HttpsURLConnection c = (HttpsURLConnection) new URL(https(path)).openConnection();
        c.setSSLSocketFactory(siteTrust().getSocketFactory());
        c.setRequestMethod(method);
        c.setRequestProperty("Accept", "application/json");
        if (cookie != null) {
            c.setRequestProperty("Cookie", cookie);
        }
        if (csrf != null) {
            c.setRequestProperty("X-CSRF-Token", csrf);
        }
        if (json != null) {
            c.setDoOutput(true);
            c.setRequestProperty("Content-Type", "application/json");
            try (OutputStream out = c.getOutputStream()) {
                out.write(json.getBytes(StandardCharsets.UTF_8));
            }
        }
        int status = c.getResponseCode();
        InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream();
        String body = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        String setCookie = c.getHeaderField("Set-Cookie");
        return new Reply(status, c.getContentType(), body, setCookie == null ? null : setCookie.split(";")[0]);
    }

    /** Signs in; returns {cookie, csrfToken}. */
    protected static String[] signIn(String user, String password) throws Exception {
        Reply r = call("POST", "/api/session", "{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}",
                null, null);
        if (r.status() != 200) {
            throw new AssertionError("sign-in as " + user + " gave " + r.status() + ": " + r.body());
        }
        String csrf = r.body().replaceAll(".*\"csrfToken\":\"([^\"]+)\".*", "$1");
        return new String[] { r.cookie(), csrf };
    }

    /** Waits until the site answers over HTTPS (Pax Web restarts its server once the certificate exists). */
    protected static void awaitHttps() throws Exception {
        await("HTTPS", 60_000, () -> call("GET", "/api/health", null, null, null).status() == 200);
    }

    /** The capabilities of the features the distribution boots (huijian-server and the demo's drivers). */
    static final String[] BOOTED_CAPABILITIES = { "booking", "notify", "meeting", "media", "documents", "transcript" };

    /**
     * Waits until every named capability is registered and the REST API has answered for 3 s in a row: features that
     * start late republish the API, which answers 404 for a moment meanwhile.
     */
    protected static void awaitSettled(String... capabilities) throws Exception {
        long[] since = { 0 };
        await("the REST API with " + String.join(", ", capabilities), 90_000, () -> {
            Reply r = call("GET", "/api/capabilities", null, null, null);
            boolean all = r.status() == 200;
            for (String id : capabilities) {
                all &= r.body().contains("\"" + id + "\"");
            }
            if (!all) {
                since[0] = 0;
                return false;
            }
            since[0] = since[0] == 0 ? System.currentTimeMillis() : since[0];
            return System.currentTimeMillis() - since[0] >= 3_000;
        });
    }

    private static SSLContext siteTrust() throws Exception {
        Properties web = new Properties();
        Path cfg = Path.of(System.getProperty("karaf.etc"), "org.ops4j.pax.web.cfg");
        try (InputStream in = Files.newInputStream(cfg)) {
            web.load(in);
        }
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(Path.of(web.getProperty("org.ops4j.pax.web.ssl.keystore")))) {
            store.load(in, web.getProperty("org.ops4j.pax.web.ssl.keystore.password").toCharArray());
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(store);
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(null, tmf.getTrustManagers(), null);
        return ssl;
    }

}
