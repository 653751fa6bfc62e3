package org.huijian.web.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the site HTTPS (terminals need a secure context for their cameras): when no keystore is
 * configured for Pax Web, generates a self-signed certificate at first start and turns HTTPS on. Then, on
 * every request, sends plain HTTP to HTTPS and adds the security headers.
 */
@Component(service = Filter.class, configurationPid = WebConfig.PID, property = {
        "osgi.http.whiteboard.filter.pattern=/*", "osgi.http.whiteboard.filter.name=huijian-https" })
public class HttpsFilter implements Filter {
    private static final Logger LOG = LoggerFactory.getLogger(HttpsFilter.class);
    static final String PAX_WEB = "org.ops4j.pax.web";
    static final String KEYSTORE = "org.ops4j.pax.web.ssl.keystore";
    static final String CSP = "default-src 'self'; img-src 'self' data: blob:; media-src 'self' blob: mediastream:; "
            + "connect-src 'self' wss: https:; style-src 'self' 'unsafe-inline'; script-src 'self'; object-src 'none'; "
            + "frame-ancestors 'none'; base-uri 'self'; form-action 'self'; frame-src 'self'";

    static final java.util.regex.Pattern DOCUMENT_CONTENT = java.util.regex.Pattern.compile("/api/documents/[0-9]+/content");
    private static final java.util.concurrent.atomic.AtomicBoolean ANNOUNCED = new java.util.concurrent.atomic.AtomicBoolean();
    private final int httpsPort;
    private final boolean redirect;

    @Activate
    public HttpsFilter(@Reference ConfigurationAdmin configAdmin, WebConfig config) throws IOException {
        Configuration paxWeb = configAdmin.getConfiguration(PAX_WEB, null);
        Dictionary<String, Object> props = paxWeb.getProperties() == null ? new Hashtable<>() : paxWeb.getProperties();
        Object keystore = props.get(KEYSTORE);
        boolean secure = Boolean.parseBoolean(String.valueOf(props.get("org.osgi.service.http.secure.enabled")));
        if ((keystore == null || keystore.toString().isBlank()) && config.generateCertificate()) {
            generate(props, config);
            paxWeb.update(props);
            secure = true;
        } else if (keystore != null && !Files.exists(Path.of(keystore.toString()))) {
            LOG.error("The HTTPS keystore {} configured in etc/{}.cfg does not exist", keystore, PAX_WEB);
        }
        Object port = props.get("org.osgi.service.http.port.secure");
        this.httpsPort = port == null ? config.httpsPort() : Integer.parseInt(port.toString().trim());
        this.redirect = secure && config.redirectToHttps();
        String site = secure ? "https://" + hostName() + ":" + httpsPort + "/" : "http://" + hostName() + ":"
                + Objects.requireNonNullElse(props.get("org.osgi.service.http.port"), "8181") + "/";
        LOG.info("Huijian web app at {}", site);
        if (ANNOUNCED.compareAndSet(false, true)) {
            System.out.println("Huijian web app: " + site + "  (REST API: " + site + "api/, OpenAPI: " + site
                    + "api/openapi.json)");
        }
    }

    @Override
    public void init(javax.servlet.FilterConfig filterConfig) {
        // configured at activation
    }

    @Override
    public void destroy() {
        // nothing held
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        String path = request.getRequestURI();
        if (redirect && !request.isSecure() && !path.equals("/api/health")) {
            String query = request.getQueryString();
            response.setStatus(308);
            response.setHeader("Location", "https://" + host(request) + ":" + httpsPort + path
                    + (query == null ? "" : "?" + query));
            return;
        }
        if (path.equals("/")) {
            response.sendRedirect("/index.html");
            return;
        }
        // Uploaded papers may be shown in a frame of the app itself (the approvers' document viewer).
        boolean viewer = DOCUMENT_CONTENT.matcher(path).matches();
        response.setHeader("Content-Security-Policy", viewer ? CSP.replace("frame-ancestors 'none'", "frame-ancestors 'self'")
                : CSP);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", viewer ? "SAMEORIGIN" : "DENY");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Permissions-Policy", "camera=(self), microphone=(self), geolocation=()");
        if (request.isSecure()) {
            response.setHeader("Strict-Transport-Security", "max-age=31536000");
        }
        if (path.startsWith("/api/")) {
            response.setHeader("Cache-Control", "no-store");
        }
        chain.doFilter(req, res);
    }

    private static String host(HttpServletRequest request) {
        String host = request.getServerName();
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    /**
     * Creates {@code etc/keystores/huijian-tls.p12} with a self-signed certificate and points Pax Web at it. The
     * keystore's password is also kept, owner-only, beside it ({@code huijian-tls.p12.password}; the same secret is
     * in Pax Web's configuration file): if Pax Web's configuration is replaced at first start before it holds the new
     * keystore (Karaf's file watcher reading the file as it was), the next activation configures the same keystore
     * again instead of failing for good.
     */
    static void generate(Dictionary<String, Object> props, WebConfig config) throws IOException {
        Path etc = Path.of(System.getProperty("karaf.etc", "etc"));
        Path file = etc.resolve("keystores").resolve("huijian-tls.p12");
        Path secret = file.resolveSibling(file.getFileName() + ".password");
        Files.createDirectories(file.getParent());
        String password;
        if (!Files.exists(file)) {
            byte[] random = new byte[24];
            new SecureRandom().nextBytes(random);
            password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            writeOwnerOnly(secret, password);
            String host = hostName();
            List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                    "-genkeypair", "-alias", "huijian", "-keyalg", "EC", "-groupname", "secp256r1", "-sigalg",
                    "SHA256withECDSA", "-validity", "825", "-dname", "CN=" + host + ", O=Huijian", "-ext",
                    "SAN=" + String.join(",", subjectAltNames(host, config.certificateHostNames())), "-ext",
                    "EKU=serverAuth", "-keystore", file.toString(), "-storetype", "PKCS12", "-storepass", password,
                    "-keypass", password);
            Process keytool = new ProcessBuilder(command).redirectErrorStream(true).start();
            try {
                String out = new String(keytool.getInputStream().readAllBytes());
                if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
                    throw new IOException("keytool failed: " + out.strip());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while generating the certificate", e);
            }
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                LOG.warn("Cannot restrict the permissions of {}", file);
            }
            LOG.info("Generated a self-signed HTTPS certificate in {}; HTTPS is on at port {}. "
                    + "Replace it with the site's own certificate in etc/{}.cfg", file, config.httpsPort(), PAX_WEB);
        } else if (Files.exists(secret)) {
            password = Files.readString(secret, java.nio.charset.StandardCharsets.US_ASCII).strip();
            LOG.warn("{} was generated here but etc/{}.cfg does not name it (its configuration was replaced while "
                    + "HTTPS was being set up); configuring it again", file, PAX_WEB);
        } else {
            throw new IOException(file + " exists but is not configured in etc/" + PAX_WEB
                    + ".cfg; configure it there or remove it to generate a new one");
        }
        props.put("org.osgi.service.http.secure.enabled", "true");
        props.put("org.osgi.service.http.port.secure", Integer.toString(config.httpsPort()));
        props.put(KEYSTORE, file.toString());
        props.put("org.ops4j.pax.web.ssl.keystore.type", "PKCS12");
        props.put("org.ops4j.pax.web.ssl.keystore.password", password);
        props.put("org.ops4j.pax.web.ssl.key.password", password);
        props.put("org.ops4j.pax.web.ssl.key.alias", "huijian");
    }

    private static void writeOwnerOnly(Path file, String text) throws IOException {
        Files.deleteIfExists(file);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
            LOG.warn("Cannot restrict the permissions of {}", file);
        }
        Files.writeString(file, text, java.nio.charset.StandardCharsets.US_ASCII);
    }

    static Set<String> subjectAltNames(String host, String extra) {
        Set<String> names = new LinkedHashSet<>(List.of("dns:localhost", "ip:127.0.0.1"));
        if (!host.equals("localhost")) {
            names.add("dns:" + host);
        }
        for (String name : extra.split(",")) {
            if (!name.isBlank()) {
                names.add((name.strip().matches("[0-9.]+|.*:.*") ? "ip:" : "dns:") + name.strip());
            }
        }
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                    if (!address.isLoopbackAddress() && !address.isLinkLocalAddress()
                            && address instanceof java.net.Inet4Address) {
                        names.add("ip:" + address.getHostAddress());
                    }
                }
            }
        } catch (SocketException e) {
            LOG.debug("Cannot list network interfaces: {}", e.toString());
        }
        return names;
    }

    private static String hostName() {
        try {
            String name = InetAddress.getLocalHost().getHostName();
            return name.matches("[A-Za-z0-9.-]+") ? name : "localhost";
        } catch (IOException e) {
            return "localhost";
        }
    }
}
