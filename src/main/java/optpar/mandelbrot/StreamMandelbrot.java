package optpar.mandelbrot;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

/**
 * The shortest parallel code: {@code IntStream.range(0, rows).parallel().forEach(row)}.
 *
 * <p>A parallel stream runs on the fork-join pool it is started from. Started from ordinary code
 * it uses the common pool, sized by the machine's cores, so a thread count could not be chosen.
 * Starting it from inside a task of {@code new ForkJoinPool(threads)} makes it use that pool: the
 * thread count given is honoured (a widely used behaviour of the JDK's streams, though not part of
 * the stream specification).
 *
 * <p>The stream splits the rows into about {@code 4 x threads} pieces (the JDK's
 * {@code AbstractTask.getLeafTarget()}, which reads the parallelism of the pool it runs in) and
 * work-steals them. On this image with 2 threads that is 8 pieces of 125 rows, the two middle ones
 * holding a quarter of the work each: still enough pieces for the threads to end together. Unlike
 * {@link ExecutorMandelbrot} and {@link ForkJoinMandelbrot}, the piece size is not yours to choose.
 *
 * <pre>{@code
 * int[] counts = new StreamMandelbrot().compute(MandelbrotProblem.HEAVY, 2);
 * }</pre>
 */
public final class StreamMandelbrot implements MandelbrotKernel {

    @Override public String name() { return "stream"; }

    @Override public String description() { return "IntStream.range(rows).parallel() inside a ForkJoinPool(threads)"; }

    @Override public boolean parallel() { return true; }

    @Override
    public int[] compute(MandelbrotProblem p, int threads) {
        MandelbrotKernel.requireThreads(threads);
        int[] counts = new int[p.pixels()];
        try (ForkJoinPool pool = new ForkJoinPool(threads)) {
            pool.submit(() -> IntStream.range(0, p.height()).parallel()
                    .forEach(r -> ScalarMandelbrot.row(p, r, counts))).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while computing the image", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the stream failed: " + e.getCause(), e.getCause());
        }
        return counts;
    }
}
