package org.huijian.itests;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;

/**
 * A small REST client for the Huijian API over HTTPS: keeps the session cookie and sends the CSRF token
 * of the session on state-changing calls, as the web app does. Bodies are JSON text.
 */
public final class Api {
    private static final Pattern CSRF = Pattern.compile("\"csrfToken\"\\s*:\\s*\"([^\"]+)\"");

    /** An answer: status, content type and body text. */
    public record Reply(int status, String contentType, String body) {
        public boolean isProblem() {
            return contentType != null && contentType.startsWith("application/problem+json");
        }
    }

    private final String base;
    private final HttpClient client;
    private String csrf;

    Api(String base, SSLContext ssl) {
        this.base = base;
        this.client = HttpClient.newBuilder().sslContext(ssl).cookieHandler(new CookieManager())
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** Signs in; returns the reply of {@code POST /api/session}. */
    public Reply signIn(String username, String password) throws IOException, InterruptedException {
        Reply r = post("/api/session", "{\"username\":" + quote(username) + ",\"password\":" + quote(password) + "}");
        Matcher m = CSRF.matcher(r.body());
        if (r.status() == 200 && m.find()) {
            csrf = m.group(1);
        }
        return r;
    }

    public Reply get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    public Reply post(String path, String json) throws IOException, InterruptedException {
        return send(json(path).POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Reply put(String path, String json) throws IOException, InterruptedException {
        return send(json(path).PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Reply delete(String path) throws IOException, InterruptedException {
        return send(withCsrf(HttpRequest.newBuilder(URI.create(base + path)).DELETE()));
    }

    /** Sends exactly what the caller built, without the CSRF header unless the caller added it. */
    public Reply raw(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> r = client.send(request.timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        return new Reply(r.statusCode(), r.headers().firstValue("Content-Type").orElse(null), r.body());
    }

    public String base() {
        return base;
    }

    public String csrfToken() {
        return csrf;
    }

    private HttpRequest.Builder json(String path) {
        return withCsrf(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json"));
    }

    private HttpRequest.Builder withCsrf(HttpRequest.Builder b) {
        return csrf == null ? b : b.header("X-CSRF-Token", csrf);
    }

    private Reply send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return raw(request.header("Accept", "application/json"));
    }

    public static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
            case '"' -> sb.append("\\\"");
            case '\\' -> sb.append("\\\\");
            case '\n' -> sb.append("\\n");
            default -> {
                if (c < 0x20) {
                    sb.append(String.format("\\u%04x", (int) c));
                } else {
                    sb.append(c);
                }
            }
            }
        }
        return sb.append('"').toString();
    }
}
