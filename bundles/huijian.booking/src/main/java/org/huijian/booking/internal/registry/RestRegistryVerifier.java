package org.huijian.booking.internal.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.huijian.booking.spi.QualificationVerifier;
import org.huijian.directory.LawFirm;
import org.huijian.directory.Lawyer;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks licences against a bar association's registry service: {@code GET <url with {licenceNo}>} answering
 * {@code {"licenceNo","name","lawFirm","status"}}, or 404 for a licence it does not know. Definite answers (200,
 * 404) are cached for {@code cacheHours}; a failure (timeout, 5xx, bad JSON) is not cached and leaves the lawyer to
 * the next verifier or an approver.
 */
@Component(service = QualificationVerifier.class, configurationPid = RestRegistryVerifier.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = RestRegistryVerifier.Config.class)
public class RestRegistryVerifier implements QualificationVerifier {
    static final String PID = "org.huijian.booking.registry.rest";
    private static final Logger LOG = LoggerFactory.getLogger(RestRegistryVerifier.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    @ObjectClassDefinition(name = "Huijian lawyer registry (REST)", description = "Licences checked against a registry service")
    public @interface Config {
        @AttributeDefinition(description = "The registry's address, with {licenceNo} where the licence number goes")
        String url();

        @AttributeDefinition(description = "A bearer token the registry asks for (empty for none)", type = org.osgi.service.metatype.annotations.AttributeType.PASSWORD)
        String token() default "";

        @AttributeDefinition(description = "Seconds to wait for an answer")
        int timeoutSeconds() default 3;

        @AttributeDefinition(description = "Hours a definite answer is kept")
        int cacheHours() default 24;

        @AttributeDefinition(name = "service.ranking", description = "Asked before verifiers of lower ranking")
        int service_ranking() default 90;
    }

    private record Cached(Optional<Entry> entry, long until) {
    }

    private final String url;
    private final String token;
    private final Duration timeout;
    private final long cacheMillis;
    private final HttpClient http;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    @Activate
    public RestRegistryVerifier(Config config) {
        this(config.url(), config.token(), Duration.ofSeconds(config.timeoutSeconds()),
                Duration.ofHours(config.cacheHours()).toMillis());
    }

    RestRegistryVerifier(String url, String token, Duration timeout, long cacheMillis) {
        if (url == null || !url.contains("{licenceNo}") || !(url.startsWith("https://") || url.startsWith("http://"))) {
            throw new IllegalArgumentException("url must be http(s) and contain {licenceNo}, is " + url);
        }
        this.url = url;
        this.token = token == null ? "" : token;
        this.timeout = timeout;
        this.cacheMillis = cacheMillis;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public String name() {
        return "rest-registry";
    }

    @Override
    public Verdict check(Lawyer lawyer, LawFirm firm) {
        String licence = lawyer.licenceNo();
        Cached c = cache.get(licence);
        if (c == null || c.until() < System.currentTimeMillis()) {
            Optional<Optional<Entry>> asked = ask(licence);
            if (asked.isEmpty()) {
                return new Verdict(Decision.UNKNOWN, "rest-registry did not answer; an approver decides");
            }
            c = new Cached(asked.get(), System.currentTimeMillis() + cacheMillis);
            cache.put(licence, c);
        }
        return c.entry().map(e -> e.judge(lawyer, firm, "rest-registry"))
                .orElse(new Verdict(Decision.UNKNOWN, "rest-registry does not know licence " + licence));
    }

    /** The registry's entry, empty for "unknown licence"; the outer empty for no usable answer. */
    private Optional<Optional<Entry>> ask(String licence) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url.replace("{licenceNo}",
                URLEncoder.encode(licence, StandardCharsets.UTF_8)))).timeout(timeout).header("Accept", "application/json");
        if (!token.isEmpty()) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> r = http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 404) {
                return Optional.of(Optional.empty());
            }
            if (r.statusCode() != 200) {
                LOG.warn("Lawyer registry answered {} for licence {}", r.statusCode(), licence);
                return Optional.empty();
            }
            JsonNode n = JSON.readTree(r.body());
            String name = n.path("name").asText("");
            String status = n.path("status").asText("");
            if (!licence.equals(n.path("licenceNo").asText()) || name.isBlank() || status.isBlank()) {
                LOG.warn("Lawyer registry's answer for licence {} lacks licenceNo, name or status", licence);
                return Optional.empty();
            }
            return Optional.of(Optional.of(new Entry(licence, name, n.path("lawFirm").asText(""), status)));
        } catch (IOException e) {
            LOG.warn("Lawyer registry unreachable for licence {}: {}", licence, e.toString());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
