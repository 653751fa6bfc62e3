package org.huijian.driver.ipp.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.huijian.printing.spi.PrintDocument;
import org.huijian.printing.spi.PrintException;
import org.huijian.printing.spi.PrintJob;
import org.huijian.printing.spi.PrintJobState;
import org.huijian.printing.spi.Printer;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link Printer} that speaks IPP/1.1 (RFC 8010/8011) over HTTP to a CUPS queue or a network printer: Print-Job
 * with the document, Get-Job-Attributes for a job's state, Get-Printer-Attributes for {@link #available()}. One
 * component per factory configuration; each registers its Printer service itself so that the service carries
 * {@link Printer#PROP_ID} and {@link Printer#PROP_TERMINAL}.
 */
@Component(service = {}, immediate = true, configurationPid = IppPrinterConfig.FACTORY_PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = IppPrinterConfig.class, factory = true)
public class IppPrinter implements Printer {
    private static final Logger LOG = LoggerFactory.getLogger(IppPrinter.class);
    private static final String DEFAULT_USER = "huijian";

    private final String id;
    private final String displayName;
    private final Optional<String> terminal;
    /** The printer-uri attribute's value, as configured (ipp or ipps). */
    private final String printerUri;
    /** Where the requests are POSTed: the same with http or https. */
    private final URI endpoint;
    private final Duration requestTimeout;
    private final String userName;
    private final List<String> formats;
    private final HttpClient http;
    private final AtomicInteger requestIds = new AtomicInteger();
    private ServiceRegistration<Printer> registration;

    @Activate
    public IppPrinter(IppPrinterConfig config, BundleContext context) {
        this(config);
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(PROP_ID, id);
        terminal.ifPresent(t -> properties.put(PROP_TERMINAL, t));
        properties.put("huijian.printer.uri", printerUri);
        registration = context.registerService(Printer.class, this, properties);
        LOG.info("IPP printer {} ({}) at {}{}", id, displayName, printerUri,
                terminal.map(t -> " beside terminal " + t).orElse(", shared"));
    }

    /** Without OSGi, for tests. */
    IppPrinter(IppPrinterConfig config) {
        id = required(config.id(), "id");
        displayName = config.displayName() == null || config.displayName().isBlank() ? id : config.displayName().strip();
        terminal = Optional.ofNullable(config.terminal()).map(String::strip).filter(t -> !t.isEmpty());
        String uri = required(config.uri(), "uri");
        URI parsed;
        try {
            parsed = new URI(uri);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("IPP printer " + id + ": uri is not a URI: " + uri, e);
        }
        String scheme = parsed.getScheme() == null ? "" : parsed.getScheme().toLowerCase(Locale.ROOT);
        String httpScheme = switch (scheme) {
            case "ipp", "http" -> "http";
            case "ipps", "https" -> "https";
            default -> throw new IllegalArgumentException(
                    "IPP printer " + id + ": uri must be ipp://, ipps://, http:// or https://, not " + uri);
        };
        if (parsed.getHost() == null) {
            throw new IllegalArgumentException("IPP printer " + id + ": uri has no host: " + uri);
        }
        int port = parsed.getPort() > 0 ? parsed.getPort() : switch (scheme) {
            case "http" -> 80;
            case "https" -> 443;
            default -> 631; // ipp and ipps (RFC 8010 §8.1, RFC 7472)
        };
        String path = parsed.getRawPath() == null || parsed.getRawPath().isEmpty() ? "/" : parsed.getRawPath();
        endpoint = URI.create(httpScheme + "://" + hostPart(parsed.getHost()) + ":" + port + path);
        printerUri = (httpScheme.equals("https") ? "ipps" : "ipp") + "://" + hostPart(parsed.getHost()) + ":" + port
                + path;
        if (config.connectTimeoutMillis() <= 0 || config.requestTimeoutMillis() <= 0) {
            throw new IllegalArgumentException("IPP printer " + id + ": timeouts must be positive");
        }
        requestTimeout = Duration.ofMillis(config.requestTimeoutMillis());
        userName = config.userName() == null ? "" : config.userName().strip();
        formats = Arrays.stream(config.formats().split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .map(s -> s.toLowerCase(Locale.ROOT)).toList();
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofMillis(config.connectTimeoutMillis()))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Deactivate
    void deactivate() {
        if (registration != null) {
            registration.unregister();
            registration = null;
        }
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String displayName() {
        return displayName;
    }

    @Override
    public Optional<String> terminal() {
        return terminal;
    }

    /** The printer-uri sent in requests (for logs and tests). */
    String printerUri() {
        return printerUri;
    }

    /**
     * Asks Get-Printer-Attributes: available when the queue exists, is not stopped (printer-state 5) and accepts
     * jobs.
     */
    @Override
    public boolean available() {
        try {
            Ipp.Message answer = send(printerAttributes(), null, "Get-Printer-Attributes");
            int state = answer.integer(Ipp.PRINTER_ATTRIBUTES, "printer-state").orElse(3);
            boolean accepting = answer.bool(Ipp.PRINTER_ATTRIBUTES, "printer-is-accepting-jobs").orElse(true);
            return state != 5 && accepting;
        } catch (PrintException e) {
            LOG.debug("IPP printer {} not available: {}", id, e.getMessage());
            return false;
        }
    }

    @Override
    public PrintJob print(PrintDocument document) throws PrintException {
        String mediaType = document.mediaType().strip().toLowerCase(Locale.ROOT);
        if (!formats.contains(mediaType)) {
            throw new PrintException(PrintException.UNSUPPORTED_FORMAT,
                    "printer " + id + " takes " + String.join(", ", formats) + ", not " + document.mediaType());
        }
        if (mediaType.equals(PrintDocument.PDF) && !isPdf(document.content())) {
            throw new PrintException(PrintException.UNSUPPORTED_FORMAT,
                    "the document said to be application/pdf does not start with %PDF-");
        }
        String user = userName.isEmpty() ? document.requestedBy() : userName;
        Ipp.Request request = new Ipp.Request(Ipp.PRINT_JOB, requestIds.incrementAndGet())
                .string(Ipp.URI, "printer-uri", printerUri)
                .string(Ipp.NAME, "requesting-user-name", user.isBlank() ? DEFAULT_USER : user)
                .string(Ipp.NAME, "job-name", truncate(document.title(), 255))
                .string(Ipp.MIME_MEDIA_TYPE, "document-format", mediaType);
        if (document.copies() > 1) {
            request.group(Ipp.JOB_ATTRIBUTES).integer(Ipp.INTEGER, "copies", document.copies());
        }
        Ipp.Message answer = send(request, document.content(), "Print-Job");
        int jobId = answer.integer(Ipp.JOB_ATTRIBUTES, "job-id").orElseThrow(() -> new PrintException(
                PrintException.PROTOCOL, "printer " + id + " accepted the job but sent no job-id"));
        PrintJob job = job(jobId, answer);
        LOG.info("IPP printer {}: job {} \"{}\" ({} bytes, {} copies) for {}: {}", id, jobId, document.title(),
                document.content().length, document.copies(), document.requestedBy(), job.state());
        return job;
    }

    @Override
    public PrintJob status(String jobId) throws PrintException {
        int number;
        try {
            number = Integer.parseInt(jobId.strip());
        } catch (NumberFormatException e) {
            throw new PrintException(PrintException.NOT_FOUND, "printer " + id + " has no job " + jobId
                    + " (IPP job ids are numbers)");
        }
        Ipp.Request request = new Ipp.Request(Ipp.GET_JOB_ATTRIBUTES, requestIds.incrementAndGet())
                .string(Ipp.URI, "printer-uri", printerUri)
                .integer(Ipp.INTEGER, "job-id", number)
                .string(Ipp.NAME, "requesting-user-name", userName.isEmpty() ? DEFAULT_USER : userName)
                .string(Ipp.KEYWORD, "requested-attributes", "job-id", "job-state", "job-state-reasons",
                        "job-state-message", "job-printer-state-message");
        return job(number, send(request, null, "Get-Job-Attributes"));
    }

    private Ipp.Request printerAttributes() {
        return new Ipp.Request(Ipp.GET_PRINTER_ATTRIBUTES, requestIds.incrementAndGet())
                .string(Ipp.URI, "printer-uri", printerUri)
                .string(Ipp.NAME, "requesting-user-name", userName.isEmpty() ? DEFAULT_USER : userName)
                .string(Ipp.KEYWORD, "requested-attributes", "printer-state", "printer-state-reasons",
                        "printer-is-accepting-jobs", "printer-state-message");
    }

    private PrintJob job(int jobId, Ipp.Message answer) {
        int state = answer.integer(Ipp.JOB_ATTRIBUTES, "job-state").orElse(3);
        StringBuilder message = new StringBuilder();
        List<String> reasons = answer.strings(Ipp.JOB_ATTRIBUTES, "job-state-reasons");
        if (!reasons.isEmpty() && !reasons.equals(List.of("none"))) {
            message.append(String.join(", ", reasons));
        }
        answer.string(Ipp.JOB_ATTRIBUTES, "job-state-message")
                .or(() -> answer.string(Ipp.JOB_ATTRIBUTES, "job-printer-state-message"))
                .filter(s -> !s.isBlank()).ifPresent(s -> message.append(message.isEmpty() ? "" : "; ").append(s));
        return new PrintJob(id, Integer.toString(jobId), state(state), message.toString());
    }

    /** IPP job-state (RFC 8011 §5.3.7) to ours. */
    static PrintJobState state(int ippState) {
        return switch (ippState) {
            case 3, 4 -> PrintJobState.PENDING; // pending, pending-held
            case 5, 6 -> PrintJobState.PROCESSING; // processing, processing-stopped
            case 7 -> PrintJobState.CANCELED;
            case 8 -> PrintJobState.ABORTED;
            case 9 -> PrintJobState.COMPLETED;
            default -> PrintJobState.PENDING;
        };
    }

    /** POSTs a request (and the document after it), reads the answer, turns IPP errors into PrintExceptions. */
    private Ipp.Message send(Ipp.Request request, byte[] document, String operation) throws PrintException {
        byte[] head = request.encode();
        HttpRequest.BodyPublisher body = document == null ? HttpRequest.BodyPublishers.ofByteArray(head)
                : HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofByteArray(head),
                        HttpRequest.BodyPublishers.ofByteArray(document));
        HttpRequest post = HttpRequest.newBuilder(endpoint).timeout(requestTimeout)
                .header("Content-Type", "application/ipp").POST(body).build();
        HttpResponse<InputStream> response;
        try {
            response = http.send(post, HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpConnectTimeoutException e) {
            throw new PrintException(PrintException.UNREACHABLE,
                    "printer " + id + " at " + printerUri + ": no connection within the connect timeout", e);
        } catch (HttpTimeoutException e) {
            throw new PrintException(PrintException.UNREACHABLE, "printer " + id + " at " + printerUri
                    + ": no answer to " + operation + " within " + requestTimeout.toMillis() + " ms", e);
        } catch (ConnectException e) {
            throw new PrintException(PrintException.UNREACHABLE,
                    "printer " + id + " at " + printerUri + ": connection refused or no route (" + e + ")", e);
        } catch (IOException e) {
            throw new PrintException(PrintException.UNREACHABLE,
                    "printer " + id + " at " + printerUri + ": " + operation + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PrintException(PrintException.UNREACHABLE, "interrupted while talking to printer " + id, e);
        }
        byte[] bytes;
        try (InputStream in = response.body()) {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new PrintException(PrintException.UNREACHABLE,
                    "printer " + id + ": the answer to " + operation + " broke off: " + e, e);
        }
        int http = response.statusCode();
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (http != 200 || !type.toLowerCase(Locale.ROOT).startsWith("application/ipp")) {
            String reason = http == 404 ? PrintException.NOT_FOUND
                    : http == 401 || http == 403 ? PrintException.REFUSED : PrintException.PROTOCOL;
            throw new PrintException(reason, "printer " + id + " at " + printerUri + " answered " + operation
                    + " with HTTP " + http + (type.isEmpty() ? "" : " (" + type + ")") + ", not IPP");
        }
        Ipp.Message answer;
        try {
            answer = Ipp.decode(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new PrintException(PrintException.PROTOCOL,
                    "printer " + id + ": unreadable IPP answer to " + operation + ": " + e.getMessage(), e);
        }
        if (!Ipp.successful(answer.code())) {
            String name = Ipp.statusName(answer.code());
            String detail = answer.string(Ipp.OPERATION_ATTRIBUTES, "status-message").map(m -> ": " + m).orElse("");
            throw new PrintException(reason(answer.code()),
                    "printer " + id + " refused " + operation + " with " + name + detail, null);
        }
        return answer;
    }

    /** Our reason for an IPP error status. */
    static String reason(int status) {
        return switch (status) {
            case 0x0406, 0x0407 -> PrintException.NOT_FOUND; // not-found, gone
            case 0x040A, 0x0411 -> PrintException.UNSUPPORTED_FORMAT; // document-format-not-supported, -error
            case 0x0502, 0x0506, 0x0507 -> PrintException.UNAVAILABLE; // service-unavailable, not-accepting, busy
            case 0x0503 -> PrintException.PROTOCOL; // version-not-supported
            default -> PrintException.REFUSED;
        };
    }

    static boolean isPdf(byte[] content) {
        // PDF readers look for the header within the first 1024 bytes (ISO 32000-1 §7.5.2, implementation note).
        String start = new String(content, 0, Math.min(content.length, 1024), StandardCharsets.ISO_8859_1);
        return start.contains("%PDF-");
    }

    private static String required(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("an IPP printer needs " + name);
        }
        return value.strip();
    }

    private static String hostPart(String host) {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    private static String truncate(String s, int max) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        if (b.length <= max) {
            return s;
        }
        int end = s.length();
        while (s.substring(0, end).getBytes(StandardCharsets.UTF_8).length > max) {
            end--;
        }
        return s.substring(0, end);
    }
}
