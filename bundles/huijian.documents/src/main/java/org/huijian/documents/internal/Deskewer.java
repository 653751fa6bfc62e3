package org.huijian.documents.internal;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.ArrayList;
import java.util.List;
import org.huijian.documents.Point;
import org.huijian.documents.Quad;

/**
 * Straightens a capture of a page, in plain Java:
 * <ol>
 * <li>an analysis copy, box-filtered down to at most {@value #ANALYSIS_SIDE} pixels on its long side, is split
 * into bright and dark at Otsu's threshold;</li>
 * <li>the largest bright 8-connected region is the page, if it does not touch the border, fills the quadrilateral
 * of its four extreme corners and that quadrilateral is near-rectangular; each side is then fitted as a straight
 * line through the region's outer edge points, and the corners are where the lines meet;</li>
 * <li>the quadrilateral is mapped onto a rectangle (a homography) as long and as wide as its longer opposite sides;</li>
 * <li>the remaining turn of the text lines is found by projection profiles of the dark pixels of the straightened
 * analysis copy (coarse, then fine steps) — ±2° after a page was found, ±15° when none was and the whole capture
 * is straightened as it is;</li>
 * <li>the full-size page is resampled once (bicubic) through both transforms.</li>
 * </ol>
 */
final class Deskewer {
    static final int ANALYSIS_SIDE = 1000;
    static final int PROFILE_SIDE = 1600;

    /** The outcome; the quad in pixels of the image given. */
    record Result(BufferedImage page, double angle, Quad quad, double edgeAngle, double lineAngle, boolean ink) {
    }

    /** The text lines' angle on a page, and whether it has any ink at all (pixels far darker than its paper). */
    record Lines(double angle, boolean ink) {
    }

    /** Pixels darker than the paper by this much are ink (a blank page's shading and grain are not). */
    static final int INK_CONTRAST = 80;
    /** Fewest ink pixels (at profile resolution) for a page to be worth reading: about one small character. */
    static final int MIN_INK = 60;

    /** Pixels as bytes: 1 channel (grey) or 3 (B, G, R). */
    record Pixels(byte[] data, int width, int height, int channels) {
        static Pixels of(BufferedImage img) {
            int type = img.getType();
            if (type != BufferedImage.TYPE_BYTE_GRAY && type != BufferedImage.TYPE_3BYTE_BGR) {
                BufferedImage copy = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
                Graphics2D g = copy.createGraphics();
                g.setColor(java.awt.Color.WHITE);
                g.fillRect(0, 0, img.getWidth(), img.getHeight());
                g.drawImage(img, 0, 0, null);
                g.dispose();
                img = copy;
                type = BufferedImage.TYPE_3BYTE_BGR;
            }
            byte[] data = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
            return new Pixels(data, img.getWidth(), img.getHeight(), type == BufferedImage.TYPE_BYTE_GRAY ? 1 : 3);
        }

        int grey(int x, int y) {
            int i = (y * width + x) * channels;
            if (channels == 1) {
                return data[i] & 0xff;
            }
            return ((data[i] & 0xff) * 29 + (data[i + 1] & 0xff) * 150 + (data[i + 2] & 0xff) * 77) >> 8;
        }

        /** Grey at a point (nearest pixel), white outside the image. */
        int greyAt(double x, double y) {
            int xi = (int) Math.floor(x), yi = (int) Math.floor(y);
            return xi < 0 || yi < 0 || xi >= width || yi >= height ? 255 : grey(xi, yi);
        }
    }

    /** A grey image of the analysis size, {@code factor} pixels of the original per pixel. */
    record Grey(int[] v, int width, int height, int factor) {
        int at(int x, int y) {
            return v[y * width + x];
        }

        /** Bilinear sample, white outside. */
        double sample(double x, double y) {
            x -= 0.5;
            y -= 0.5;
            if (x < 0 || y < 0 || x > width - 1 || y > height - 1) {
                return 255;
            }
            int x0 = (int) x, y0 = (int) y;
            int x1 = Math.min(x0 + 1, width - 1), y1 = Math.min(y0 + 1, height - 1);
            double fx = x - x0, fy = y - y0;
            double top = at(x0, y0) * (1 - fx) + at(x1, y0) * fx;
            double bottom = at(x0, y1) * (1 - fx) + at(x1, y1) * fx;
            return top * (1 - fy) + bottom * fy;
        }
    }

    private Deskewer() {
    }

    static Result deskew(BufferedImage image) {
        return deskew(image, 1);
    }

    /** As above, the straight page {@code scale} times as large as it was in the capture. */
    static Result deskew(BufferedImage image, double scale) {
        Pixels px = Pixels.of(image);
        Grey small = shrink(px);
        double[][] corners = findPage(small);
        int w = px.width(), h = px.height();
        Homography toCapture;
        int outW;
        int outH;
        Quad quad = null;
        double edgeAngle = 0;
        if (corners != null) {
            double f = small.factor();
            double[][] full = new double[4][];
            for (int i = 0; i < 4; i++) {
                full[i] = new double[] { corners[i][0] * f, corners[i][1] * f };
            }
            quad = new Quad(pt(full[0]), pt(full[1]), pt(full[2]), pt(full[3]));
            edgeAngle = Math.toDegrees((Math.atan2(full[1][1] - full[0][1], full[1][0] - full[0][0])
                    + Math.atan2(full[2][1] - full[3][1], full[2][0] - full[3][0])) / 2);
            // A little inside the edges found, so no dark rim of the background is left on the page.
            double inset = Math.max(2, 0.75 * f);
            full = inset(full, inset);
            outW = (int) Math.round(scale * Math.max(dist(full[0], full[1]), dist(full[3], full[2])));
            outH = (int) Math.round(scale * Math.max(dist(full[0], full[3]), dist(full[1], full[2])));
            toCapture = Homography.mapping(new double[][] { { 0, 0 }, { outW, 0 }, { outW, outH }, { 0, outH } }, full);
        } else {
            outW = (int) Math.round(scale * w);
            outH = (int) Math.round(scale * h);
            toCapture = Homography.mapping(new double[][] { { 0, 0 }, { outW, 0 }, { outW, outH }, { 0, outH } },
                    new double[][] { { 0, 0 }, { w, 0 }, { w, h }, { 0, h } });
        }
        Lines lines = lineAngle(px, toCapture, outW, outH, corners != null ? 2 : 15);
        BufferedImage page = render(px, toCapture, outW, outH, lines.angle());
        return new Result(page, edgeAngle + lines.angle(), quad, edgeAngle, lines.angle(), lines.ink());
    }

    private static Point pt(double[] p) {
        return new Point(p[0], p[1]);
    }

    private static double dist(double[] p, double[] q) {
        return Math.hypot(p[0] - q[0], p[1] - q[1]);
    }

    /** Moves each corner towards the centre along the two sides' normals by {@code d} pixels. */
    private static double[][] inset(double[][] c, double d) {
        double[][] lines = new double[4][];
        for (int i = 0; i < 4; i++) {
            double[] p = c[i], q = c[(i + 1) % 4];
            double dx = q[0] - p[0], dy = q[1] - p[1], n = Math.hypot(dx, dy);
            // Clockwise corners with y down: the inward normal of p→q is (-dy, dx).
            double nx = -dy / n, ny = dx / n;
            lines[i] = new double[] { p[0] + nx * d, p[1] + ny * d, dx, dy };
        }
        double[][] out = new double[4][];
        for (int i = 0; i < 4; i++) {
            out[i] = intersect(lines[(i + 3) % 4], lines[i]);
        }
        return out;
    }

    /** Intersection of two lines given as point + direction. */
    private static double[] intersect(double[] l1, double[] l2) {
        double den = l1[2] * l2[3] - l1[3] * l2[2];
        double t = ((l2[0] - l1[0]) * l2[3] - (l2[1] - l1[1]) * l2[2]) / den;
        return new double[] { l1[0] + t * l1[2], l1[1] + t * l1[3] };
    }

    /** Box-filters the image down to at most {@link #ANALYSIS_SIDE} on its long side. */
    static Grey shrink(Pixels px) {
        int f = Math.max(1, (Math.max(px.width(), px.height()) + ANALYSIS_SIDE - 1) / ANALYSIS_SIDE);
        int sw = px.width() / f, sh = px.height() / f;
        int[] v = new int[sw * sh];
        int n = f * f;
        for (int y = 0; y < sh; y++) {
            for (int x = 0; x < sw; x++) {
                int sum = 0;
                for (int yy = y * f; yy < y * f + f; yy++) {
                    for (int xx = x * f; xx < x * f + f; xx++) {
                        sum += px.grey(xx, yy);
                    }
                }
                v[y * sw + x] = sum / n;
            }
        }
        return new Grey(v, sw, sh, f);
    }

    static int otsu(int[] hist) {
        long total = 0, sum = 0;
        for (int i = 0; i < 256; i++) {
            total += hist[i];
            sum += (long) i * hist[i];
        }
        long wB = 0, sumB = 0;
        double best = -1;
        int threshold = 128;
        for (int t = 0; t < 256; t++) {
            wB += hist[t];
            if (wB == 0) {
                continue;
            }
            long wF = total - wB;
            if (wF == 0) {
                break;
            }
            sumB += (long) t * hist[t];
            double mB = (double) sumB / wB, mF = (double) (sum - sumB) / wF;
            double between = (double) wB * wF * (mB - mF) * (mB - mF);
            if (between > best) {
                best = between;
                threshold = t;
            }
        }
        return threshold;
    }

    /**
     * The page's corners in analysis pixels (continuous coordinates, pixel i spans [i, i+1)), clockwise from top
     * left, or {@code null} when no page stands out.
     */
    static double[][] findPage(Grey g) {
        int w = g.width(), h = g.height();
        int[] hist = new int[256];
        for (int v : g.v()) {
            hist[v]++;
        }
        int t = otsu(hist);
        // Largest bright 8-connected region.
        int[] label = new int[w * h];
        int[] stack = new int[w * h];
        int best = 0, bestArea = 0, next = 0;
        boolean bestTouches = false;
        for (int start = 0; start < w * h; start++) {
            if (label[start] != 0 || g.v()[start] <= t) {
                continue;
            }
            next++;
            int area = 0, top = 0;
            boolean touches = false;
            stack[top++] = start;
            label[start] = next;
            while (top > 0) {
                int p = stack[--top];
                area++;
                int x = p % w, y = p / w;
                if (x == 0 || y == 0 || x == w - 1 || y == h - 1) {
                    touches = true;
                }
                for (int dy = -1; dy <= 1; dy++) {
                    int yy = y + dy;
                    if (yy < 0 || yy >= h) {
                        continue;
                    }
                    for (int dx = -1; dx <= 1; dx++) {
                        int xx = x + dx;
                        if (xx < 0 || xx >= w) {
                            continue;
                        }
                        int q = yy * w + xx;
                        if (label[q] == 0 && g.v()[q] > t) {
                            label[q] = next;
                            stack[top++] = q;
                        }
                    }
                }
            }
            if (area > bestArea) {
                bestArea = area;
                best = next;
                bestTouches = touches;
            }
        }
        if (best == 0 || bestTouches || bestArea < 0.1 * w * h) {
            return null;
        }
        // Outer edge points: first and last pixel of the region in each row and in each column.
        List<double[]> edge = new ArrayList<>();
        double[] tl = null, tr = null, br = null, bl = null;
        for (int y = 0; y < h; y++) {
            int first = -1, last = -1;
            for (int x = 0; x < w; x++) {
                if (label[y * w + x] == best) {
                    if (first < 0) {
                        first = x;
                    }
                    last = x;
                }
            }
            if (first >= 0) {
                double[] l = { first, y + 0.5 }, r = { last + 1, y + 0.5 };
                edge.add(l);
                edge.add(r);
                for (double[] p : new double[][] { l, r }) {
                    if (tl == null || p[0] + p[1] < tl[0] + tl[1]) {
                        tl = p;
                    }
                    if (br == null || p[0] + p[1] > br[0] + br[1]) {
                        br = p;
                    }
                    if (tr == null || p[0] - p[1] > tr[0] - tr[1]) {
                        tr = p;
                    }
                    if (bl == null || p[0] - p[1] < bl[0] - bl[1]) {
                        bl = p;
                    }
                }
            }
        }
        for (int x = 0; x < w; x++) {
            int first = -1, last = -1;
            for (int y = 0; y < h; y++) {
                if (label[y * w + x] == best) {
                    if (first < 0) {
                        first = y;
                    }
                    last = y;
                }
            }
            if (first >= 0) {
                edge.add(new double[] { x + 0.5, first });
                edge.add(new double[] { x + 0.5, last + 1 });
            }
        }
        double[][] rough = { tl, tr, br, bl };
        if (!plausible(rough, bestArea, w, h)) {
            return null;
        }
        // Fit each side as a line through the edge points along it, away from the corners.
        double[][] lines = new double[4][];
        for (int i = 0; i < 4; i++) {
            double[] p = rough[i], q = rough[(i + 1) % 4];
            lines[i] = fitSide(edge, p, q);
            if (lines[i] == null) {
                return null;
            }
        }
        double[][] corners = new double[4][];
        for (int i = 0; i < 4; i++) {
            corners[i] = intersect(lines[(i + 3) % 4], lines[i]);
            if (dist(corners[i], rough[i]) > 0.05 * Math.max(w, h)) {
                return null;
            }
        }
        return plausible(corners, bestArea, w, h) ? corners : null;
    }

    /** Convex, near-rectangular (every corner 60°–120°), large enough, and filled by the region. */
    private static boolean plausible(double[][] c, int regionArea, int w, int h) {
        double area = 0;
        for (int i = 0; i < 4; i++) {
            double[] p = c[i], q = c[(i + 1) % 4];
            area += p[0] * q[1] - q[0] * p[1];
        }
        area /= 2; // positive for clockwise corners with y down
        if (area < 0.1 * w * h || regionArea < 0.9 * area || regionArea > 1.1 * area) {
            return false;
        }
        for (int i = 0; i < 4; i++) {
            double[] prev = c[(i + 3) % 4], p = c[i], next = c[(i + 1) % 4];
            double ax = prev[0] - p[0], ay = prev[1] - p[1], bx = next[0] - p[0], by = next[1] - p[1];
            double cross = bx * ay - by * ax;
            if (cross <= 0) {
                return false;
            }
            double angle = Math.toDegrees(Math.acos((ax * bx + ay * by) / Math.hypot(ax, ay) / Math.hypot(bx, by)));
            if (angle < 60 || angle > 120) {
                return false;
            }
        }
        return true;
    }

    /** Least-squares line (point, unit direction) through the edge points near the side p→q, or null. */
    private static double[] fitSide(List<double[]> edge, double[] p, double[] q) {
        double dx = q[0] - p[0], dy = q[1] - p[1], len = Math.hypot(dx, dy);
        double ux = dx / len, uy = dy / len;
        double[] line = { p[0], p[1], ux, uy };
        double band = Math.max(3, 0.02 * len);
        for (int round = 0; round < 3; round++) {
            double sx = 0, sy = 0;
            int n = 0;
            List<double[]> near = new ArrayList<>();
            for (double[] e : edge) {
                double t = (e[0] - p[0]) * ux + (e[1] - p[1]) * uy;
                if (t < 0.1 * len || t > 0.9 * len) {
                    continue;
                }
                double d = Math.abs((e[0] - line[0]) * line[3] - (e[1] - line[1]) * line[2]);
                if (d <= band) {
                    near.add(e);
                    sx += e[0];
                    sy += e[1];
                    n++;
                }
            }
            if (n < 10) {
                return null;
            }
            double mx = sx / n, my = sy / n, cxx = 0, cxy = 0, cyy = 0;
            for (double[] e : near) {
                cxx += (e[0] - mx) * (e[0] - mx);
                cxy += (e[0] - mx) * (e[1] - my);
                cyy += (e[1] - my) * (e[1] - my);
            }
            double theta = 0.5 * Math.atan2(2 * cxy, cxx - cyy);
            double vx = Math.cos(theta), vy = Math.sin(theta);
            if (vx * ux + vy * uy < 0) {
                vx = -vx;
                vy = -vy;
            }
            line = new double[] { mx, my, vx, vy };
            band = round == 0 ? 1.5 : 1.0;
        }
        return line;
    }

    /**
     * The angle of the text lines (degrees, clockwise) on the page mapped by {@code toCapture} (page pixels →
     * capture pixels), from projection profiles of its dark pixels, the page sampled at most {@value #PROFILE_SIDE}
     * pixels on its long side; 0 when there is too little ink to tell.
     */
    static Lines lineAngle(Pixels px, Homography toCapture, int outW, int outH, double range) {
        double f = Math.max(1, Math.max(outW, outH) / (double) PROFILE_SIDE);
        int sw = Math.max(1, (int) (outW / f)), sh = Math.max(1, (int) (outH / f));
        int[] v = new int[sw * sh];
        int[] hist = new int[256];
        for (int y = 0; y < sh; y++) {
            for (int x = 0; x < sw; x++) {
                double qx = (x + 0.5) * f, qy = (y + 0.5) * f;
                int s = px.greyAt(toCapture.x(qx, qy), toCapture.y(qx, qy));
                v[y * sw + x] = s;
                hist[s]++;
            }
        }
        int t = otsu(hist);
        int paper = 255, seen = 0;
        while (paper > 0 && seen + hist[paper] < sw * sh / 2) {
            seen += hist[paper--];
        }
        int ink = 0;
        for (int i = 0; i < Math.max(0, paper - INK_CONTRAST); i++) {
            ink += hist[i];
        }
        boolean inked = ink >= MIN_INK;
        // Dark pixels, leaving out a margin where the page's own edge might still show.
        int mx = sw / 50, my = sh / 50;
        int n = 0;
        int[] xs = new int[sw * sh], ys = new int[sw * sh];
        for (int y = my; y < sh - my; y++) {
            for (int x = mx; x < sw - mx; x++) {
                if (v[y * sw + x] < t && t - v[y * sw + x] > 20) {
                    xs[n] = x;
                    ys[n] = y;
                    n++;
                }
            }
        }
        if (n < 200 || n > 0.5 * sw * sh) {
            return new Lines(0, inked);
        }
        double cx = sw / 2.0;
        double step = range > 5 ? 0.2 : 0.1;
        int coarse = (int) Math.round(range / step);
        double best = 0;
        double bestScore = -1;
        for (int i = -coarse; i <= coarse; i++) {
            double s = score(xs, ys, n, cx, sh, i * step);
            if (s > bestScore) {
                bestScore = s;
                best = i * step;
            }
        }
        // Fine steps around the best coarse angle; the middle of the best ones (the profile has flat tops).
        double centre = best;
        int fine = (int) Math.round(step / 0.01);
        double[] scores = new double[2 * fine + 1];
        double top = -1;
        for (int i = -fine; i <= fine; i++) {
            scores[i + fine] = score(xs, ys, n, cx, sh, centre + i * 0.01);
            top = Math.max(top, scores[i + fine]);
        }
        double sum = 0;
        int count = 0;
        for (int i = -fine; i <= fine; i++) {
            if (scores[i + fine] >= top * (1 - 1e-4)) {
                sum += centre + i * 0.01;
                count++;
            }
        }
        return new Lines(sum / count, inked);
    }

    /**
     * Sum of squares of the row counts along lines at {@code angle} degrees, each pixel shared between the two rows
     * it falls between: largest when the lines follow the text.
     */
    private static double score(int[] xs, int[] ys, int n, double cx, int h, double angle) {
        double tan = Math.tan(Math.toRadians(angle));
        int pad = (int) Math.ceil(Math.abs(tan) * cx) + 2;
        double[] rows = new double[h + 2 * pad + 1];
        for (int i = 0; i < n; i++) {
            double r = ys[i] - (xs[i] - cx) * tan + pad;
            int r0 = (int) r;
            double frac = r - r0;
            rows[r0] += 1 - frac;
            rows[r0 + 1] += frac;
        }
        double s = 0;
        for (double r : rows) {
            s += r * r;
        }
        return s;
    }

    /** Keys' cubic convolution weights (a = -0.5) of the four samples around a point {@code t} past the second. */
    private static void cubic(double t, double[] w) {
        double t2 = t * t, t3 = t2 * t;
        w[0] = -0.5 * t3 + t2 - 0.5 * t;
        w[1] = 1.5 * t3 - 2.5 * t2 + 1;
        w[2] = -1.5 * t3 + 2 * t2 + 0.5 * t;
        w[3] = 0.5 * t3 - 0.5 * t2;
    }

    /** The straight page: each of its pixels turned by {@code lineAngle} about the centre, then mapped into the capture. */
    private static BufferedImage render(Pixels px, Homography toCapture, int outW, int outH, double lineAngle) {
        int ch = px.channels();
        BufferedImage out = new BufferedImage(outW, outH, ch == 1 ? BufferedImage.TYPE_BYTE_GRAY
                : BufferedImage.TYPE_3BYTE_BGR);
        byte[] o = ((DataBufferByte) out.getRaster().getDataBuffer()).getData();
        byte[] s = px.data();
        int w = px.width(), h = px.height();
        double r = Math.toRadians(lineAngle), cos = Math.cos(r), sin = Math.sin(r);
        double cx = outW / 2.0, cy = outH / 2.0;
        double[] wx = new double[4], wy = new double[4];
        int[] xi = new int[4], yi = new int[4];
        int oi = 0;
        for (int y = 0; y < outH; y++) {
            for (int x = 0; x < outW; x++) {
                double u = x + 0.5 - cx, v = y + 0.5 - cy;
                double pxp = cx + u * cos - v * sin, pyp = cy + u * sin + v * cos;
                if (pxp < 0 || pyp < 0 || pxp > outW || pyp > outH) {
                    for (int c = 0; c < ch; c++) {
                        o[oi++] = (byte) 255;
                    }
                    continue;
                }
                double sx = toCapture.x(pxp, pyp) - 0.5, sy = toCapture.y(pxp, pyp) - 0.5;
                int x0 = (int) Math.floor(sx), y0 = (int) Math.floor(sy);
                cubic(sx - x0, wx);
                cubic(sy - y0, wy);
                for (int k = 0; k < 4; k++) {
                    xi[k] = Math.max(0, Math.min(w - 1, x0 - 1 + k)) * ch;
                    yi[k] = Math.max(0, Math.min(h - 1, y0 - 1 + k)) * w * ch;
                }
                for (int c = 0; c < ch; c++) {
                    double sum = 0;
                    for (int j = 0; j < 4; j++) {
                        int row = yi[j] + c;
                        sum += wy[j] * (wx[0] * (s[row + xi[0]] & 0xff) + wx[1] * (s[row + xi[1]] & 0xff)
                                + wx[2] * (s[row + xi[2]] & 0xff) + wx[3] * (s[row + xi[3]] & 0xff));
                    }
                    o[oi++] = (byte) Math.max(0, Math.min(255, (int) Math.round(sum)));
                }
            }
        }
        return out;
    }
}
