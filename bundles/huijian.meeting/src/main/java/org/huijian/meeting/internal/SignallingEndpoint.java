package org.huijian.meeting.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts the signalling WebSocket ({@link TerminalSocket}) on the web server and makes sure it answers. Pax Web 8.0.34
 * can lose a WebSocket endpoint registered while the web context restarts at start-up (the first start generates the
 * TLS certificate and restarts HTTPS; the REST servlet re-registers as features arrive): the log then shows "Section
 * 4.4.3 … ServletContextListeners" and "WebSocketUpgradeFilter is defined twice", and upgrades to {@code /ws/terminal}
 * fail until the endpoint is registered again. So after registering it this component asks the server itself for a
 * WebSocket upgrade on loopback; without {@code 101 Switching Protocols} it registers the endpoint again (backing
 * off), and it looks again every five minutes.
 */
@Component(immediate = true)
public class SignallingEndpoint {
    private static final Logger LOG = LoggerFactory.getLogger(SignallingEndpoint.class);
    static final String PAX_WEB = "org.ops4j.pax.web";

    private final BundleContext context;
    private final TerminalSocket socket;
    private final ConfigurationAdmin configAdmin;
    private final ScheduledExecutorService checks = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "huijian-signalling-check");
        t.setDaemon(true);
        return t;
    });
    private ServiceRegistration<Object> registration;
    private int failures;

    @Activate
    public SignallingEndpoint(BundleContext context, @Reference TerminalSocket socket,
            @Reference ConfigurationAdmin configAdmin) {
        this.context = context;
        this.socket = socket;
        this.configAdmin = configAdmin;
        register();
        checks.schedule(this::check, 3, TimeUnit.SECONDS);
    }

    @Deactivate
    void deactivate() {
        checks.shutdownNow();
        unregister();
    }

    private synchronized void register() {
        Dictionary<String, Object> props = new Hashtable<>();
        props.put("org.ops4j.pax.web.http.whiteboard.websocket", Boolean.TRUE);
        registration = context.registerService(Object.class, socket, props);
    }

    private synchronized void unregister() {
        if (registration != null) {
            try {
                registration.unregister();
            } catch (IllegalStateException gone) {
                // the bundle is stopping
            }
            registration = null;
        }
    }

    private void check() {
        String answer;
        try {
            answer = probe();
        } catch (IOException | RuntimeException e) {
            answer = e.toString();
        }
        if (answer.startsWith("HTTP/1.1 101")) {
            if (failures > 0) {
                LOG.info("The signalling WebSocket answers again after {} re-registration(s)", failures);
            }
            failures = 0;
            checks.schedule(this::check, 5, TimeUnit.MINUTES);
            return;
        }
        failures++;
        LOG.warn("The signalling WebSocket /ws/terminal does not answer an upgrade ({}); registering it again (attempt {})",
                answer, failures);
        unregister();
        checks.schedule(() -> {
            register();
            checks.schedule(this::check, 3, TimeUnit.SECONDS);
        }, Math.min(30, 2L * failures), TimeUnit.SECONDS);
    }

    /** A WebSocket upgrade request to this server on loopback; the status line of the answer. */
    String probe() throws IOException {
        Configuration c = configAdmin.getConfiguration(PAX_WEB, null);
        Dictionary<String, Object> p = c.getProperties() == null ? new Hashtable<>() : c.getProperties();
        boolean secure = Boolean.parseBoolean(String.valueOf(p.get("org.osgi.service.http.secure.enabled")));
        Object port = secure ? p.get("org.osgi.service.http.port.secure") : p.get("org.osgi.service.http.port");
        int number = Integer.parseInt(String.valueOf(port == null ? (secure ? "8443" : "8181") : port).trim());
        Socket s = secure ? loopbackTls().getSocketFactory().createSocket() : new Socket();
        try (s) {
            s.connect(new InetSocketAddress("127.0.0.1", number), 5000);
            s.setSoTimeout(5000);
            byte[] key = new byte[16];
            new SecureRandom().nextBytes(key);
            OutputStream out = s.getOutputStream();
            out.write(("GET /ws/terminal HTTP/1.1\r\nHost: localhost:" + number + "\r\nUpgrade: websocket\r\n"
                    + "Connection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: "
                    + Base64.getEncoder().encodeToString(key) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String status = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
            return status == null ? "no answer" : status;
        }
    }

    /**
     * TLS to this very server on 127.0.0.1 only: its certificate is not checked (it may be the self-signed one just
     * generated), since nothing but the status line of our own upgrade request is read.
     */
    private static SSLContext loopbackTls() throws IOException {
        try {
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, new TrustManager[] { new X509TrustManager() {
                @Override
                public void checkClientTrusted(X509Certificate[] chain, String authType) {
                    // not a client certificate check
                }

                @Override
                public void checkServerTrusted(X509Certificate[] chain, String authType) {
                    // loopback to ourselves, see above
                }

                @Override
                public X509Certificate[] getAcceptedIssuers() {
                    return new X509Certificate[0];
                }
            } }, null);
            return tls;
        } catch (java.security.GeneralSecurityException e) {
            throw new IOException(e);
        }
    }
}
