package optpar.threads;

import optpar.mandelbrot.ScalarMandelbrot;

/**
 * The functions a {@link WorkerProcessPool} worker can run. A worker is another JVM: it cannot receive a
 * lambda from us, only data. So we send the <em>name</em> of a function that both sides have on their
 * classpath, and the arguments as numbers. This is what Python does too: {@code ProcessPoolExecutor}
 * pickles a function by its module and name, which is why the lecture's function "must be in a module".
 *
 * <p>Every task can also run right here ({@link #apply}): the in-process answer to compare with.
 *
 * <pre>{@code
 * WorkerTask.SQUARE.apply(new double[] {1, 2, 3});                 // [1, 4, 9]
 * WorkerTask.SLOW_SQUARE.apply(new double[] {10, 500});            // [100], after sleeping 500 ms
 * WorkerTask.MANDELBROT_ROWS.apply(new double[] {300, 200, 50, 0, 10});  // counts of rows 0..9
 * }</pre>
 */
public enum WorkerTask {
    /** Squares every number: the lecture's {@code work(x)}, returning {@code x**2}. */
    SQUARE {
        @Override
        public double[] apply(double[] x) {
            double[] y = new double[x.length];
            for (int i = 0; i < x.length; i++) y[i] = x[i] * x[i];
            return y;
        }
    },
    /** {@code [x, millis]}: sleeps {@code millis}, returns {@code [x*x]}: the lecture's slow {@code work(x)}. */
    SLOW_SQUARE {
        @Override
        public double[] apply(double[] in) {
            if (in.length != 2 || in[1] < 0 || in[1] > 600_000) {
                throw new IllegalArgumentException("SLOW_SQUARE takes [x, millis] with millis in [0, 600000]");
            }
            try {
                Thread.sleep((long) in[1]);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while sleeping", e);
            }
            return new double[] {in[0] * in[0]};
        }
    },
    /** The sum of the squares of all numbers, as {@code [sum]}: little work for each number sent. */
    SUM_OF_SQUARES {
        @Override
        public double[] apply(double[] x) {
            double s = 0;
            for (double v : x) s += v * v;
            return new double[] {s};
        }
    },
    /**
     * {@code [width, height, maxIter, rowFrom, rowTo]}: the Mandelbrot counts of rows
     * {@code rowFrom..rowTo-1} of the course's image, row-major: much work, little data.
     */
    MANDELBROT_ROWS {
        @Override
        public double[] apply(double[] in) {
            if (in.length != 5) {
                throw new IllegalArgumentException("MANDELBROT_ROWS takes [width, height, maxIter, rowFrom, rowTo]");
            }
            var p = new optpar.mandelbrot.MandelbrotProblem((int) in[0], (int) in[1], (int) in[2]);
            int from = (int) in[3], to = (int) in[4];
            if (from < 0 || to > p.height() || from > to) {
                throw new IllegalArgumentException("rows " + from + ".." + to + " are not allowed: use 0 <= rowFrom <= rowTo <= height");
            }
            double[] out = new double[(to - from) * p.width()];
            for (int r = from; r < to; r++) {
                double cy = p.y(r);
                for (int c = 0; c < p.width(); c++) {
                    out[(r - from) * p.width() + c] = ScalarMandelbrot.mandel(p.x(c), cy, p.maxIter());
                }
            }
            return out;
        }
    };

    /** Runs the function here, in this JVM. */
    public abstract double[] apply(double[] input);
}
