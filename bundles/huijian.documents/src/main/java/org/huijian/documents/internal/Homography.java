package org.huijian.documents.internal;

/** A plane projective transform, {@code (x, y) -> ((a x + b y + c) / (g x + h y + 1), (d x + e y + f) / (g x + h y + 1))}. */
final class Homography {
    final double a, b, c, d, e, f, g, h;

    private Homography(double[] m) {
        a = m[0];
        b = m[1];
        c = m[2];
        d = m[3];
        e = m[4];
        f = m[5];
        g = m[6];
        h = m[7];
    }

    /** The transform taking each {@code from[i]} to {@code to[i]} (four points each, as x, y pairs). */
    static Homography mapping(double[][] from, double[][] to) {
        double[][] m = new double[8][9];
        for (int i = 0; i < 4; i++) {
            double x = from[i][0], y = from[i][1], u = to[i][0], v = to[i][1];
            m[2 * i] = new double[] { x, y, 1, 0, 0, 0, -u * x, -u * y, u };
            m[2 * i + 1] = new double[] { 0, 0, 0, x, y, 1, -v * x, -v * y, v };
        }
        for (int col = 0; col < 8; col++) {
            int pivot = col;
            for (int r = col + 1; r < 8; r++) {
                if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) {
                    pivot = r;
                }
            }
            if (Math.abs(m[pivot][col]) < 1e-12) {
                throw new IllegalArgumentException("degenerate quadrilateral");
            }
            double[] t = m[col];
            m[col] = m[pivot];
            m[pivot] = t;
            for (int r = 0; r < 8; r++) {
                if (r != col) {
                    double k = m[r][col] / m[col][col];
                    if (k != 0) {
                        for (int c2 = col; c2 < 9; c2++) {
                            m[r][c2] -= k * m[col][c2];
                        }
                    }
                }
            }
        }
        double[] s = new double[8];
        for (int i = 0; i < 8; i++) {
            s[i] = m[i][8] / m[i][i];
        }
        return new Homography(s);
    }

    double x(double x, double y) {
        return (a * x + b * y + c) / (g * x + h * y + 1);
    }

    double y(double x, double y) {
        return (d * x + e * y + f) / (g * x + h * y + 1);
    }
}
