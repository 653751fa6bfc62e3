package org.huijian.transcript.internal;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.huijian.core.InvalidInputException;
import org.huijian.core.InvalidInputException.Violation;
import org.huijian.transcript.SignatureInput;
import org.huijian.transcript.Stroke;
import org.huijian.transcript.StrokePoint;

/**
 * Checks a handwritten signature and draws it. A signature is refused (400, every problem listed) when it is
 * empty or a dot, has too many strokes or samples, has samples outside the pad or with a pressure outside 0..1,
 * runs backwards in time, or lasts implausibly short or long. It is drawn cropped to the ink, dark blue on white,
 * each segment as wide as the pen pressed.
 */
final class Signatures {
    static final int MIN_PAD = 50;
    static final int MAX_PAD = 5000;
    /** Shortest plausible signature, first to last sample. */
    static final long MIN_MILLIS = 100;
    /** The ink must reach this far (pad units, path length) and span this much (bounding box diagonal). */
    static final double MIN_INK = 30;
    static final double MIN_SPAN = 15;
    /** Largest drawn image side, in pixels. */
    static final int MAX_WIDTH = 900;
    static final int MAX_HEIGHT = 320;

    private final int maxStrokes;
    private final int maxPoints;
    private final long maxMillis;

    Signatures(int maxStrokes, int maxPoints, long maxMillis) {
        this.maxStrokes = maxStrokes;
        this.maxPoints = maxPoints;
        this.maxMillis = maxMillis;
    }

    static Signatures of(TranscriptConfig config) {
        return new Signatures(config.maxStrokes(), config.maxPoints(), config.maxSignatureSeconds() * 1000L);
    }

    /** @throws InvalidInputException listing what is wrong with it */
    void check(SignatureInput s) {
        List<Violation> errors = new ArrayList<>();
        if (s == null) {
            throw new InvalidInputException("signature", "send the signature: {width, height, strokes}");
        }
        if (s.width() < MIN_PAD || s.width() > MAX_PAD || s.height() < MIN_PAD || s.height() > MAX_PAD) {
            errors.add(new Violation("width", "the pad must be " + MIN_PAD + " to " + MAX_PAD + " units wide and high, not "
                    + s.width() + " × " + s.height()));
        }
        if (s.strokes().isEmpty() || s.pointCount() == 0) {
            errors.add(new Violation("strokes", "the signature is empty: sign on the pad first"));
            throw new InvalidInputException(errors);
        }
        if (s.strokes().size() > maxStrokes) {
            errors.add(new Violation("strokes", s.strokes().size() + " strokes; at most " + maxStrokes));
        }
        if (s.pointCount() > maxPoints) {
            errors.add(new Violation("strokes", s.pointCount() + " samples; at most " + maxPoints));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        long previous = Long.MIN_VALUE;
        double ink = 0;
        double minX = Double.MAX_VALUE, minY = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
        int i = 0;
        outer:
        for (Stroke stroke : s.strokes()) {
            if (stroke.points().isEmpty()) {
                errors.add(new Violation("strokes[" + i + "]", "a stroke without samples"));
            }
            StrokePoint before = null;
            for (StrokePoint p : stroke.points()) {
                if (!Double.isFinite(p.x()) || !Double.isFinite(p.y()) || p.x() < 0 || p.y() < 0 || p.x() > s.width()
                        || p.y() > s.height()) {
                    errors.add(new Violation("strokes[" + i + "]", "a sample outside the pad: (" + p.x() + ", " + p.y()
                            + ") on " + s.width() + " × " + s.height()));
                    break outer;
                }
                if (!Double.isFinite(p.p()) || p.p() < 0 || p.p() > 1) {
                    errors.add(new Violation("strokes[" + i + "]", "pressure must be 0 to 1, not " + p.p()));
                    break outer;
                }
                if (p.t() < 0 || p.t() < previous) {
                    errors.add(new Violation("strokes[" + i + "]", "the samples' times (ms) must not go backwards or "
                            + "below 0"));
                    break outer;
                }
                previous = p.t();
                first = Math.min(first, p.t());
                last = Math.max(last, p.t());
                minX = Math.min(minX, p.x());
                minY = Math.min(minY, p.y());
                maxX = Math.max(maxX, p.x());
                maxY = Math.max(maxY, p.y());
                if (before != null) {
                    ink += Math.hypot(p.x() - before.x(), p.y() - before.y());
                }
                before = p;
            }
            i++;
        }
        if (errors.isEmpty()) {
            long duration = last - first;
            if (duration < MIN_MILLIS) {
                errors.add(new Violation("strokes", "signed in " + duration + " ms: too short for a signature"));
            } else if (duration > maxMillis) {
                errors.add(new Violation("strokes", "signing took " + duration / 1000 + " s; at most "
                        + maxMillis / 1000 + " s"));
            }
            if (ink < MIN_INK || Math.hypot(maxX - minX, maxY - minY) < MIN_SPAN) {
                errors.add(new Violation("strokes", "the signature is empty: only a dot or a tiny mark was drawn"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    /** Draws a checked signature: PNG, cropped to the ink with a margin. */
    static byte[] png(SignatureInput s) {
        double minX = Double.MAX_VALUE, minY = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
        for (Stroke stroke : s.strokes()) {
            for (StrokePoint p : stroke.points()) {
                minX = Math.min(minX, p.x());
                minY = Math.min(minY, p.y());
                maxX = Math.max(maxX, p.x());
                maxY = Math.max(maxY, p.y());
            }
        }
        double w = Math.max(1, maxX - minX);
        double h = Math.max(1, maxY - minY);
        // Pen width relative to the pad: a pad 600 units wide draws a full-pressure line ~6 units wide.
        double pen = Math.max(s.width(), s.height()) / 100.0;
        double margin = pen * 2;
        double scale = Math.min(1.5, Math.min((MAX_WIDTH - 1) / (w + 2 * margin), (MAX_HEIGHT - 1) / (h + 2 * margin)));
        int iw = Math.max(1, (int) Math.ceil((w + 2 * margin) * scale));
        int ih = Math.max(1, (int) Math.ceil((h + 2 * margin) * scale));
        BufferedImage img = new BufferedImage(iw, ih, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, iw, ih);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setColor(new Color(0x0b, 0x1f, 0x5c));
            double ox = minX - margin;
            double oy = minY - margin;
            for (Stroke stroke : s.strokes()) {
                List<StrokePoint> pts = stroke.points();
                if (pts.size() == 1) {
                    StrokePoint p = pts.get(0);
                    double d = width(p.p(), pen) * scale;
                    g.fill(new Ellipse2D.Double((p.x() - ox) * scale - d / 2, (p.y() - oy) * scale - d / 2, d, d));
                    continue;
                }
                for (int k = 1; k < pts.size(); k++) {
                    StrokePoint a = pts.get(k - 1);
                    StrokePoint b = pts.get(k);
                    g.setStroke(new BasicStroke((float) (width((a.p() + b.p()) / 2, pen) * scale),
                            BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                    g.draw(new Line2D.Double((a.x() - ox) * scale, (a.y() - oy) * scale, (b.x() - ox) * scale,
                            (b.y() - oy) * scale));
                }
            }
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Line width for a pressure: a light touch draws thin, a firm press up to three times as wide. */
    static double width(double pressure, double pen) {
        return pen * (0.35 + 0.65 * Math.max(0, Math.min(1, pressure)));
    }
}
