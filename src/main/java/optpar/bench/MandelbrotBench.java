package optpar.bench;

import optpar.mandelbrot.MandelbrotKernel;
import optpar.mandelbrot.MandelbrotProblem;
import optpar.mandelbrot.MandelbrotVariants;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * JMH benchmark of every Mandelbrot variant: one image per operation, milliseconds per image.
 * The defaults are the heavy setting of the speed targets (1500 x 1000, maxIter 1000).
 *
 * <p>Run it through {@link Jmh} (serial variants only on one thread):
 * <pre>
 * java @src/main/resources/optpar/jvm-options.txt \
 *      -cp target/optpar.jar:target/lib/* optpar.bench.Jmh mandelbrot --impl scalar,vector --threads 1,2
 * </pre>
 * or with JMH's own launcher, choosing the parameters yourself:
 * <pre>
 * java -cp target/optpar.jar:target/lib/* org.openjdk.jmh.Main optpar.bench.MandelbrotBench \
 *      -p impl=scalar,vector -p threads=1 -p maxIter=1000 -f 1 -wi 3 -i 5
 * </pre>
 * The returned counts go to JMH, which consumes them (its blackhole), so nothing is dead code.
 */
@State(Scope.Benchmark)
public class MandelbrotBench extends CourseBenchmark {   // run settings: see CourseBenchmark

    /** The variant's name ({@link MandelbrotVariants}). */
    @Param({"scalar", "threads", "executor", "forkjoin", "stream", "vector", "vector-threads", "native", "native-omp", "native-simd"})
    public String impl;

    /** Threads given to the variant (serial variants ignore it: run them with threads=1). */
    @Param({"1", "2"})
    public int threads;

    @Param({"1500"})
    public int width;

    @Param({"1000"})
    public int height;

    @Param({"1000"})
    public int maxIter;

    private MandelbrotKernel kernel;
    private MandelbrotProblem problem;

    @Setup
    public void setup() {
        kernel = MandelbrotVariants.byName(impl);
        if (!kernel.available()) throw new IllegalStateException(impl + " is not available here");
        problem = new MandelbrotProblem(width, height, maxIter);
    }

    @Benchmark
    public int[] image() {
        return kernel.compute(problem, threads);
    }
}
