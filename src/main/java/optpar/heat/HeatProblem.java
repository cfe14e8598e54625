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
 * <p>The lecture's field is symmetric (under transpose and both mirrors): exactly the symmetries an
 * i/j or north/south index slip preserves. To test a variant, start from a <em>random</em> field
 * instead ({@link #withRandomField(long)}): the same seed gives the same field everywhere. Each row
 * has its own generator, seeded from the seed and the row, so any block of rows can be made without
 * the rest of the grid ({@link #initialRow}): how an MPI rank holds only its own rows.
 *
 * <pre>{@code
 * var p = new HeatProblem(1024, 200);
 * double[] u = new NaiveHeat().solve(p, 1);
 * double sum = HeatProblem.checksum(u);
 * var r = new HeatProblem(64, 50).withRandomField(42);   // interior values uniform in [0, 1), seeded by 42
 * }</pre>
 *
 * @param n     grid points per side, at least 3 (one interior point)
 * @param steps time steps, at least 0
 * @param seed  {@link #LECTURE_FIELD} (0) for the lecture's field, any other value for a random field from that seed
 */
public record HeatProblem(int n, int steps, long seed) {
    /** The diffusion coefficient. */
    public static final double ALPHA = 1.0;

    /** The seed value that means "the lecture's field 16 x(1-x) y(1-y)", not a random one. */
    public static final long LECTURE_FIELD = 0;

    /** The lecture's problem: {@code n} x {@code n} points, {@code steps} steps, from 16 x(1-x) y(1-y). */
    public HeatProblem(int n, int steps) {
        this(n, steps, LECTURE_FIELD);
    }

    /**
     * The same grid and steps from a random initial field: interior values uniform in [0, 1), row i
     * drawn from its own generator seeded from ({@code seed}, i), boundary 0.
     *
     * @throws IllegalArgumentException for seed 0, which means the lecture's field
     */
    public HeatProblem withRandomField(long seed) {
        if (seed == LECTURE_FIELD) {
            throw new IllegalArgumentException("seed 0 stands for the lecture's field: give any other seed for a random one");
        }
        return new HeatProblem(n, steps, seed);
    }

    /** True when the initial field is random (a seed other than {@link #LECTURE_FIELD}). */
    public boolean randomField() {
        return seed != LECTURE_FIELD;
    }

    @Override
    public String toString() {
        return "HeatProblem[n=" + n + ", steps=" + steps + (randomField() ? ", random field seed=" + seed : "") + "]";
    }

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

    /** A fresh initial grid: {@code 16 x(1-x) y(1-y)} (or the seed's random field), zero on the boundary. */
    public double[] initial() {
        double[] u = new double[n * n];
        double[] row = new double[n];
        for (int i = 0; i < n; i++) {
            initialRow(i, row);
            System.arraycopy(row, 0, u, i * n, n);
        }
        return u;
    }

    /**
     * Row {@code i} of the initial grid into {@code row} (length n), without making the rest of the
     * grid: how an MPI rank fills only its own rows. Boundary rows and columns are exactly 0 (the
     * formula gives 0 there only up to rounding, since x = i*h at i = n-1 may not be exactly 1).
     */
    public void initialRow(int i, double[] row) {
        if (i < 0 || i >= n) throw new IllegalArgumentException("row " + i + " is outside the grid: 0.." + (n - 1));
        if (row.length != n) throw new IllegalArgumentException("a row of this grid has " + n + " points, not " + row.length);
        java.util.Arrays.fill(row, 0);
        if (i == 0 || i == n - 1) return;
        if (randomField()) {
            // One generator per row, seeded from (seed, row): any row can be made on its own.
            var rnd = new java.util.SplittableRandom(seed * 0x9E3779B97F4A7C15L + i);
            for (int j = 1; j < n - 1; j++) row[j] = rnd.nextDouble();
            return;
        }
        double h = dx(), x = i * h;
        for (int j = 1; j < n - 1; j++) {
            double y = j * h;
            row[j] = 16 * x * (1 - x) * y * (1 - y);
        }
    }

    /** The row-major sequential sum of a grid: the number to compare across implementations. */
    public static double checksum(double[] u) {
        double sum = 0;
        for (double v : u) sum += v;
        return sum;
    }
}
