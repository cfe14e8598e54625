package optpar.heat;

/**
 * The course's standard heat-equation problem (the lecture's running demo).
 *
 * <p>An N x N grid on the unit square including its boundary, {@code u0(x, y) = 16 x (1-x) y (1-y)}
 * with {@code x = i/(N-1)}, {@code y = j/(N-1)}; boundary values held fixed; alpha = 1,
 * {@code dx = dy = 1/(N-1)}, {@code dt = 0.2 dx^2}; the explicit 5-point update
 * <pre>
 * u'[i][j] = u[i][j] + alpha dt ((u[i+1][j] - 2u[i][j] + u[i-1][j])/dx^2 + (u[i][j+1] - 2u[i][j] + u[i][j-1])/dy^2)
 * </pre>
 * double-buffered, for {@code steps} steps. Grids are flat and row-major: {@code u[i * n + j]},
 * i the row (x), j the column (y).
 *
 * <pre>{@code
 * var p = new HeatProblem(1024, 200);
 * double[] u = new NaiveHeat().solve(p, 1);
 * double sum = HeatProblem.checksum(u);
 * }</pre>
 *
 * @param n     grid points per side, at least 3 (one interior point)
 * @param steps time steps, at least 0
 */
public record HeatProblem(int n, int steps) {
    /** The diffusion coefficient. */
    public static final double ALPHA = 1.0;

    public HeatProblem {
        if (n < 3) {
            throw new IllegalArgumentException("grid size n=" + n + " is too small: it must be at least 3 (one interior point)");
        }
        if ((long) n * n > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("grid size n=" + n + " is too large: n*n must fit in one Java array (n <= 46340)");
        }
        if (steps < 0) {
            throw new IllegalArgumentException("steps=" + steps + " is not allowed: it must be 0 or more");
        }
    }

    /** The grid spacing {@code 1/(n-1)} (dx = dy). */
    public double dx() {
        return 1.0 / (n - 1);
    }

    /** The time step {@code 0.2 dx^2}: well inside the explicit scheme's stability limit of 0.25 dx^2. */
    public double dt() {
        return 0.2 * dx() * dx();
    }

    /**
     * The factor {@code alpha dt / dx^2} that multiplies each second difference. With dx = dy it is
     * the same in both directions. Every variant computes its update with this one factor, in the order
     * {@code u + f*((down - 2u + up) + (right - 2u + left))}... see {@link #update}.
     */
    public double factor() {
        return ALPHA * dt() / (dx() * dx());
    }

    /**
     * One point's update, in the arithmetic order every bit-identical variant keeps:
     * {@code c + f * ((s - 2c + n) + (e - 2c + w))} where n/s are the rows above and below and
     * w/e the columns left and right.
     */
    public static double update(double c, double north, double south, double west, double east, double f) {
        return c + f * ((south - 2 * c + north) + (east - 2 * c + west));
    }

    /** A fresh initial grid: {@code 16 x(1-x) y(1-y)}, zero on the boundary. */
    public double[] initial() {
        double[] u = new double[n * n];
        double h = dx();
        for (int i = 0; i < n; i++) {
            double x = i * h;
            for (int j = 0; j < n; j++) {
                double y = j * h;
                u[i * n + j] = 16 * x * (1 - x) * y * (1 - y);
            }
        }
        // The formula gives 0 on the boundary only up to rounding (1 - 1.0 is exact, but x = i*h
        // at i = n-1 may not be exactly 1): set it exactly so "boundary untouched" is exact.
        for (int k = 0; k < n; k++) {
            u[k] = 0;
            u[(n - 1) * n + k] = 0;
            u[k * n] = 0;
            u[k * n + n - 1] = 0;
        }
        return u;
    }

    /** The row-major sequential sum of a grid: the number to compare across implementations. */
    public static double checksum(double[] u) {
        double sum = 0;
        for (double v : u) sum += v;
        return sum;
    }
}
