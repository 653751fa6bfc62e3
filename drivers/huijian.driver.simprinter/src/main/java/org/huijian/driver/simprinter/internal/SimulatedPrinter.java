package org.huijian.driver.simprinter.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Dictionary;
import java.util.HexFormat;
import java.util.Hashtable;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import java.util.stream.Stream;
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
 * A simulated {@link Printer}: each job's document is written to a folder as {@code <job>.pdf} beside
 * {@code <job>.json} (printer, job, title, media type, copies, who asked, size, SHA-256, time). A job is
 * {@link PrintJobState#PROCESSING} for {@code printMillis}, then {@link PrintJobState#COMPLETED}. Configured with
 * {@code available=false} it behaves as switched off. One component per factory configuration; each registers its
 * Printer service itself so that the service carries {@link Printer#PROP_ID} and {@link Printer#PROP_TERMINAL}.
 */
@Component(service = {}, immediate = true, configurationPid = SimPrinterConfig.FACTORY_PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = SimPrinterConfig.class, factory = true)
public class SimulatedPrinter implements Printer {
    private static final Logger LOG = LoggerFactory.getLogger(SimulatedPrinter.class);
    private static final Pattern JOB_ID = Pattern.compile("\\d{6,18}");

    private final String id;
    private final String displayName;
    private final Optional<String> terminal;
    private final Path folder;
    private final long printMillis;
    private final boolean available;
    private final List<String> formats;
    private final AtomicLong lastJob;
    /** When each job of this run was taken (epoch millis); jobs of earlier runs are known by their record. */
    private final Map<String, Long> submitted = new ConcurrentHashMap<>();
    private ServiceRegistration<Printer> registration;

    @Activate
    public SimulatedPrinter(SimPrinterConfig config, BundleContext context) throws IOException {
        this(config);
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(PROP_ID, id);
        terminal.ifPresent(t -> properties.put(PROP_TERMINAL, t));
        properties.put("huijian.printer.folder", folder.toString());
        registration = context.registerService(Printer.class, this, properties);
        LOG.info("Simulated printer {} ({}) writing to {}{}{}", id, displayName, folder,
                terminal.map(t -> ", beside terminal " + t).orElse(", shared"), available ? "" : ", switched off");
    }

    /** Without OSGi, for tests. */
    SimulatedPrinter(SimPrinterConfig config) throws IOException {
        if (config.id() == null || config.id().isBlank()) {
            throw new IllegalArgumentException("a simulated printer needs an id");
        }
        id = config.id().strip();
        displayName = config.displayName() == null || config.displayName().isBlank() ? id : config.displayName().strip();
        terminal = Optional.ofNullable(config.terminal()).map(String::strip).filter(t -> !t.isEmpty());
        folder = config.folder() == null || config.folder().isBlank()
                ? Path.of(System.getProperty("karaf.data", "data"), "huijian", "simprinter", id)
                : Path.of(config.folder());
        printMillis = Math.max(0, config.printMillis());
        available = config.available();
        formats = Arrays.stream(config.formats().split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .map(s -> s.toLowerCase(Locale.ROOT)).toList();
        Files.createDirectories(folder);
        lastJob = new AtomicLong(highestJob());
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

    @Override
    public boolean available() {
        return available && Files.isDirectory(folder) && Files.isWritable(folder);
    }

    /** The folder the jobs go to. */
    Path folder() {
        return folder;
    }

    @Override
    public PrintJob print(PrintDocument document) throws PrintException {
        if (!available) {
            throw new PrintException(PrintException.UNAVAILABLE,
                    "simulated printer " + id + " is switched off (configured available=false)");
        }
        String mediaType = document.mediaType().strip().toLowerCase(Locale.ROOT);
        if (!formats.contains(mediaType)) {
            throw new PrintException(PrintException.UNSUPPORTED_FORMAT,
                    "printer " + id + " takes " + String.join(", ", formats) + ", not " + document.mediaType());
        }
        if (mediaType.equals(PrintDocument.PDF) && !new String(document.content(), 0,
                Math.min(1024, document.content().length), StandardCharsets.ISO_8859_1).contains("%PDF-")) {
            throw new PrintException(PrintException.UNSUPPORTED_FORMAT,
                    "the document said to be application/pdf does not start with %PDF-");
        }
        String jobId = String.format("%06d", lastJob.incrementAndGet());
        String extension = mediaType.equals(PrintDocument.PDF) ? ".pdf" : ".bin";
        Path file = folder.resolve(jobId + extension);
        Instant now = Instant.now();
        String json = "{\n"
                + "  \"printer\": " + quote(id) + ",\n"
                + "  \"job\": " + quote(jobId) + ",\n"
                + "  \"title\": " + quote(document.title()) + ",\n"
                + "  \"mediaType\": " + quote(mediaType) + ",\n"
                + "  \"copies\": " + document.copies() + ",\n"
                + "  \"requestedBy\": " + quote(document.requestedBy()) + ",\n"
                + "  \"file\": " + quote(file.getFileName().toString()) + ",\n"
                + "  \"bytes\": " + document.content().length + ",\n"
                + "  \"sha256\": " + quote(sha256(document.content())) + ",\n"
                + "  \"submitted\": " + quote(now.toString()) + "\n"
                + "}\n";
        try {
            write(file, document.content());
            write(folder.resolve(jobId + ".json"), json.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new PrintException(PrintException.REFUSED,
                    "simulated printer " + id + " could not write to " + folder + ": " + e, e);
        }
        submitted.put(jobId, now.toEpochMilli());
        LOG.info("Simulated printer {}: job {} \"{}\" ({} bytes, {} copies) for {} written to {}", id, jobId,
                document.title(), document.content().length, document.copies(), document.requestedBy(), file);
        return job(jobId, printMillis == 0 ? PrintJobState.COMPLETED : PrintJobState.PENDING);
    }

    @Override
    public PrintJob status(String jobId) throws PrintException {
        String key = jobId == null ? "" : jobId.strip();
        Long at = submitted.get(key);
        if (at != null) {
            boolean done = System.currentTimeMillis() - at >= printMillis;
            return job(key, done ? PrintJobState.COMPLETED : PrintJobState.PROCESSING);
        }
        if (JOB_ID.matcher(key).matches() && Files.isRegularFile(folder.resolve(key + ".json"))) {
            return job(key, PrintJobState.COMPLETED); // printed before a restart
        }
        throw new PrintException(PrintException.NOT_FOUND, "simulated printer " + id + " has no job " + jobId);
    }

    private PrintJob job(String jobId, PrintJobState state) {
        return new PrintJob(id, jobId, state, state == PrintJobState.COMPLETED ? "written to " + folder : "");
    }

    /** The highest job number in the folder, so numbers go on after a restart. */
    private long highestJob() throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json"))
                    .map(n -> n.substring(0, n.length() - 5)).filter(n -> JOB_ID.matcher(n).matches())
                    .mapToLong(Long::parseLong).max().orElse(0);
        }
    }

    /** Writes beside, then moves into place, so a reader never sees half a file. */
    private static void write(Path file, byte[] content) throws IOException {
        Path part = file.resolveSibling(file.getFileName() + ".part");
        Files.write(part, content);
        try {
            Files.move(part, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(part, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** A JSON string (RFC 8259 §7). */
    static String quote(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
