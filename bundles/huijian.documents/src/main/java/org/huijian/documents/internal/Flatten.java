package org.huijian.documents.internal;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;

/**
 * The grey copy Tesseract reads: each pixel divided by the paper's brightness around it, so that uneven light (the
 * lamp to one side, a shadow) and tinted paper become even white, with the ink as dark against it as it was against
 * its own paper. The straight page shown to people keeps its colours (stamps are red); only Tesseract reads this.
 *
 * <p>The paper's brightness is the median of blocks of about a fiftieth of the page (text covers well under half of
 * a block), then the brightest of each block's neighbours (a block inside a solid title or a photo takes the paper
 * around it), smoothed, and interpolated between block centres.
 */
final class Flatten {
    private Flatten() {
    }

    static BufferedImage grey(BufferedImage page) {
        Deskewer.Pixels px = Deskewer.Pixels.of(page);
        int w = px.width(), h = px.height();
        int block = Math.max(32, Math.round(Math.max(w, h) / 50f));
        int bw = (w + block - 1) / block, bh = (h + block - 1) / block;
        byte[] g = new byte[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                g[y * w + x] = (byte) px.grey(x, y);
            }
        }
        double[] median = new double[bw * bh];
        int[] hist = new int[256];
        for (int by = 0; by < bh; by++) {
            for (int bx = 0; bx < bw; bx++) {
                java.util.Arrays.fill(hist, 0);
                int n = 0;
                for (int y = by * block; y < Math.min(h, by * block + block); y++) {
                    for (int x = bx * block; x < Math.min(w, bx * block + block); x++) {
                        hist[g[y * w + x] & 0xff]++;
                        n++;
                    }
                }
                int v = 255, seen = 0;
                while (v > 0 && seen + hist[v] <= n / 2) {
                    seen += hist[v--];
                }
                median[by * bw + bx] = v;
            }
        }
        double[] paper = neighbours(neighbours(median, bw, bh, true), bw, bh, false);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        byte[] o = ((DataBufferByte) out.getRaster().getDataBuffer()).getData();
        for (int y = 0; y < h; y++) {
            double fy = Math.max(0, Math.min(bh - 1.0, (y + 0.5) / block - 0.5));
            int y0 = (int) fy, y1 = Math.min(bh - 1, y0 + 1);
            double ty = fy - y0;
            for (int x = 0; x < w; x++) {
                double fx = Math.max(0, Math.min(bw - 1.0, (x + 0.5) / block - 0.5));
                int x0 = (int) fx, x1 = Math.min(bw - 1, x0 + 1);
                double tx = fx - x0;
                double b = (paper[y0 * bw + x0] * (1 - tx) + paper[y0 * bw + x1] * tx) * (1 - ty)
                        + (paper[y1 * bw + x0] * (1 - tx) + paper[y1 * bw + x1] * tx) * ty;
                int v = (int) Math.round((g[y * w + x] & 0xff) * 255.0 / Math.max(40, b));
                o[y * w + x] = (byte) Math.min(255, v);
            }
        }
        return out;
    }

    /** Each block's 3 x 3 neighbourhood: its largest value, or its mean. */
    private static double[] neighbours(double[] v, int bw, int bh, boolean max) {
        double[] out = new double[v.length];
        for (int by = 0; by < bh; by++) {
            for (int bx = 0; bx < bw; bx++) {
                double acc = 0;
                int n = 0;
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        int yy = by + dy, xx = bx + dx;
                        if (yy >= 0 && xx >= 0 && yy < bh && xx < bw) {
                            acc = max ? Math.max(acc, v[yy * bw + xx]) : acc + v[yy * bw + xx];
                            n++;
                        }
                    }
                }
                out[by * bw + bx] = max ? acc : acc / n;
            }
        }
        return out;
    }
}
