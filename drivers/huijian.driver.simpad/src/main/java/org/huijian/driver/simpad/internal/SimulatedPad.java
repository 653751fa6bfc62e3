package org.huijian.driver.simpad.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Random;
import org.huijian.transcript.SignatureInput;
import org.huijian.transcript.Stroke;
import org.huijian.transcript.StrokePoint;
import org.huijian.transcript.spi.SignaturePad;
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
 * A simulated {@link SignaturePad}: asked for a signature, it waits as long as a person takes to sign and returns
 * generated handwriting-like strokes — for each "character" a few strokes of smooth, slanted curves (sums of
 * sines), sampled every 8 ms at a hand's speed, pressure rising at the start of a stroke and tailing off at its
 * end, pen-up pauses between strokes. Configured with {@code available=false} it behaves as unplugged. One
 * component per factory configuration, registering its service itself with {@link SignaturePad#PROP_ID} and
 * {@link SignaturePad#PROP_TERMINAL}.
 */
@Component(service = {}, immediate = true, configurationPid = SimPadConfig.FACTORY_PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = SimPadConfig.class, factory = true)
public class SimulatedPad implements SignaturePad {
    private static final Logger LOG = LoggerFactory.getLogger(SimulatedPad.class);
    static final long SAMPLE_MILLIS = 8;

    private final String id;
    private final String terminal;
    private final int width;
    private final int height;
    private final int characters;
    private final long signMillis;
    private final long seed;
    private final boolean available;
    private ServiceRegistration<SignaturePad> registration;

    @Activate
    public SimulatedPad(SimPadConfig config, BundleContext context) {
        this(config);
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(PROP_ID, id);
        properties.put(PROP_TERMINAL, terminal);
        registration = context.registerService(SignaturePad.class, this, properties);
        LOG.info("Simulated signature pad {} at terminal {}{}", id, terminal, available ? "" : ", unplugged");
    }

    /** Without OSGi, for tests. */
    SimulatedPad(SimPadConfig config) {
        if (config.id() == null || config.id().isBlank() || config.terminal() == null || config.terminal().isBlank()) {
            throw new IllegalArgumentException("a simulated signature pad needs an id and a terminal");
        }
        if (config.width() < 100 || config.height() < 60 || config.characters() < 1 || config.characters() > 12) {
            throw new IllegalArgumentException("pad at least 100 × 60, 1 to 12 characters");
        }
        this.id = config.id();
        this.terminal = config.terminal();
        this.width = config.width();
        this.height = config.height();
        this.characters = config.characters();
        this.signMillis = Math.max(0, config.signMillis());
        this.seed = config.seed();
        this.available = config.available();
    }

    @Deactivate
    void deactivate() {
        if (registration != null) {
            registration.unregister();
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
    public SignatureInput capture(String prompt, Duration timeout) throws IOException {
        if (!available) {
            throw new IOException("the signature pad " + id + " is not connected");
        }
        if (timeout.toMillis() < signMillis) {
            throw new IOException("nobody signed on " + id + " within " + timeout.toMillis() + " ms");
        }
        try {
            Thread.sleep(signMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the signature on " + id, e);
        }
        return strokes(new Random(seed == 0 ? System.nanoTime() : seed));
    }

    /** A handwriting-like signature on this pad. */
    SignatureInput strokes(Random random) {
        List<Stroke> strokes = new ArrayList<>();
        double cell = (width * 0.8) / characters;
        double top = height * 0.2;
        double size = Math.min(cell * 0.9, height * 0.6);
        long t = 0;
        for (int c = 0; c < characters; c++) {
            double left = width * 0.1 + c * cell;
            int count = 2 + random.nextInt(3);
            for (int s = 0; s < count; s++) {
                List<StrokePoint> points = new ArrayList<>();
                // A stroke: a start in the character's box, a direction, a curvature that wanders, a slant.
                double x = left + random.nextDouble() * size * 0.6;
                double y = top + random.nextDouble() * size * 0.6;
                double heading = random.nextDouble() * 2 * Math.PI;
                double bend = (random.nextDouble() - 0.5) * 0.25;
                double wobble = random.nextDouble() * 0.2;
                int n = 25 + random.nextInt(35);
                double step = size / 30;
                for (int i = 0; i < n; i++) {
                    double f = i / (double) (n - 1);
                    double pressure = Math.min(1, 0.25 + 0.7 * Math.sin(Math.PI * Math.min(1, f * 1.2)) + 0.05
                            * random.nextGaussian());
                    points.add(new StrokePoint(clamp(x, width), clamp(y, height), Math.max(0.05, Math.min(1, pressure)), t));
                    heading += bend + wobble * Math.sin(i * 0.45);
                    x += step * Math.cos(heading) + step * 0.2; // slanted to the right, as a hand moves on
                    y += step * Math.sin(heading);
                    // Stay within the character's box: turn back towards its centre when leaving it.
                    if (x < left || x > left + size || y < top || y > top + size) {
                        heading = Math.atan2(top + size / 2 - y, left + size / 2 - x);
                    }
                    t += SAMPLE_MILLIS;
                }
                strokes.add(new Stroke(points));
                t += 80 + random.nextInt(160); // pen up
            }
            t += 150 + random.nextInt(200);
        }
        return new SignatureInput(width, height, strokes);
    }

    private static double clamp(double v, double max) {
        return Math.round(Math.max(0, Math.min(max, v)) * 10) / 10.0;
    }
}
