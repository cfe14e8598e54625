package optpar.threads;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;
import optpar.mandelbrot.MandelbrotProblem;
import optpar.mandelbrot.ScalarMandelbrot;

/**
 * The program {@link ImplicitParallelism} runs in a child JVM: one parallel stream over the rows
 * of a Mandelbrot image, on the common fork-join pool as this JVM was told to size it. Prints one
 * line: {@code parallelism=P threads=T seconds=S checksum=C}.
 *
 * <p>Arguments: width height maxIter repeats.
 */
public final class CommonPoolProbe {
    private CommonPoolProbe() {}

    public static void main(String[] args) {
        var p = new MandelbrotProblem(Integer.parseInt(args[0]), Integer.parseInt(args[1]), Integer.parseInt(args[2]));
        int repeats = Integer.parseInt(args[3]);
        double best = Double.MAX_VALUE;
        long checksum = 0;
        Set<String> threads = ConcurrentHashMap.newKeySet();
        for (int r = 0; r <= repeats; r++) {               // run 0 is the warm-up
            threads.clear();
            long start = System.nanoTime();
            checksum = IntStream.range(0, p.height()).parallel().mapToLong(row -> {
                threads.add(Thread.currentThread().getName());   // which threads did the work?
                double cy = p.y(row);
                long sum = 0;
                for (int c = 0; c < p.width(); c++) sum += ScalarMandelbrot.mandel(p.x(c), cy, p.maxIter());
                return sum;
            }).sum();
            double s = (System.nanoTime() - start) / 1e9;
            if (r > 0) best = Math.min(best, s);
        }
        System.out.println("parallelism=" + ForkJoinPool.getCommonPoolParallelism() + " threads=" + threads.size()
                + " seconds=" + best + " checksum=" + checksum);
    }
}
