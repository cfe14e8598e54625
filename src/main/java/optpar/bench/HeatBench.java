package optpar.bench;

import optpar.heat.HeatProblem;
import optpar.heat.HeatSolver;
import optpar.heat.HeatVariants;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * JMH benchmark of every heat variant: one whole solve ({@code steps} steps from the initial grid)
 * per operation, milliseconds per solve. Defaults: N = 1024, 200 steps (the one-thread target);
 * the bandwidth targets use {@code n=4096}.
 *
 * <pre>
 * java ... optpar.bench.Jmh heat --n 4096 --steps 50 --impl bands,blocked --threads 1,2
 * java -cp target/optpar.jar:target/lib/* org.openjdk.jmh.Main optpar.bench.HeatBench \
 *      -p impl=flat,native -p threads=1 -f 1 -wi 3 -i 5
 * </pre>
 * Bandwidth achieved = {@code 16 * n * n * steps / time} (see {@link optpar.measure.BandwidthProbe#heatBytes}).
 */
@State(Scope.Benchmark)
public class HeatBench extends CourseBenchmark {   // run settings: see CourseBenchmark

    /** The variant's name ({@link HeatVariants}). */
    @Param({"naive", "flat", "bands", "vector", "blocked", "native", "native-omp", "native-blocked"})
    public String impl;

    /** Threads given to the variant (serial variants ignore it: run them with threads=1). */
    @Param({"1", "2"})
    public int threads;

    @Param({"1024"})
    public int n;

    @Param({"200"})
    public int steps;

    private HeatSolver solver;
    private HeatProblem problem;

    @Setup
    public void setup() {
        solver = HeatVariants.byName(impl);
        if (!solver.available()) throw new IllegalStateException(impl + " is not available here");
        problem = new HeatProblem(n, steps);
    }

    @Benchmark
    public double[] solve() {
        return solver.solve(problem, threads);
    }
}
