package org.huijian.driver.simcamera.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.huijian.documents.Capture;
import org.huijian.documents.spi.DocumentCamera;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A simulated document camera: each {@link #capture} returns the next image of its folder (by file name, round
 * and round), as the camera would hand over a still. At first start an empty folder is given demo pages of our own
 * drawing ({@link DemoPages}): a Chinese letter at a slant on a dark desk, so the engine has a page to find,
 * straighten and read.
 */
@Component(service = DocumentCamera.class, configurationPid = SimCameraConfig.FACTORY_PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = SimCameraConfig.class, factory = true)
public class SimulatedCamera implements DocumentCamera {
    private static final Logger LOG = LoggerFactory.getLogger(SimulatedCamera.class);

    private final String id;
    private final String terminal;
    private final Path folder;
    private final int delayMillis;
    private final boolean available;
    private final AtomicLong taken = new AtomicLong();

    @Activate
    public SimulatedCamera(SimCameraConfig config) throws IOException {
        if (config.id() == null || config.id().isBlank() || config.terminal() == null || config.terminal().isBlank()) {
            throw new IllegalArgumentException("a simulated document camera needs an id and a terminal");
        }
        this.id = config.id().strip();
        this.terminal = config.terminal().strip();
        this.folder = config.folder().isBlank()
                ? Path.of(System.getProperty("karaf.data", "data"), "huijian", "simcamera", id)
                : Path.of(config.folder());
        this.delayMillis = Math.max(0, config.delayMillis());
        this.available = config.available();
        Files.createDirectories(folder);
        if (images().isEmpty() && config.demoPages() > 0) {
            DemoPages.write(folder, config.demoPages());
            LOG.info("Simulated document camera {}: {} demo pages drawn into {}", id, config.demoPages(), folder);
        }
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String terminal() {
        return terminal;
    }

    @Override
    public boolean available() {
        return available;
    }

    @Override
    public Capture capture(Duration timeout) throws IOException {
        if (!available) {
            throw new IOException("simulated document camera " + id + " is configured as unplugged");
        }
        List<Path> images = images();
        if (images.isEmpty()) {
            throw new IOException("simulated document camera " + id + ": no PNG or JPEG image in " + folder);
        }
        long wait = Math.min(delayMillis, timeout.toMillis());
        if (wait > 0) {
            try {
                Thread.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while taking a still");
            }
        }
        if (delayMillis > timeout.toMillis()) {
            throw new IOException("simulated document camera " + id + " did not answer within " + timeout);
        }
        Path file = images.get((int) (taken.getAndIncrement() % images.size()));
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return new Capture(id, Instant.now(), Files.readAllBytes(file),
                name.endsWith(".png") ? "image/png" : "image/jpeg");
    }

    /** The folder's images, by name. */
    List<Path> images() throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile).filter(p -> {
                String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
                return n.endsWith(".png") || n.endsWith(".jpg") || n.endsWith(".jpeg");
            }).sorted().toList();
        }
    }
}
