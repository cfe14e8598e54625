package optpar.profiling;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The naive-timer demos of {@link NaiveTimerPitfalls}, measured the right way with JMH: warm-up
 * iterations before measuring, a fresh forked JVM, and returned values consumed by JMH's
 * {@code Blackhole} so the JIT cannot delete the work.
 * <pre>{@code
 * JmhFromCell.run(SumOfRootsBenchmark.class.getName(), 1)   // a table: benchmark, n, score ± error
 * }</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SumOfRootsBenchmark {

    /** Array length. */
    @Param("10000")
    public int n;

    private double[] x;

    /** Runs once per trial, outside the measured time. */
    @Setup
    public void setUp() {
        x = NaiveTimerPitfalls.data(n);
    }

    /** Nothing at all: the cost of calling a benchmark method. */
    @Benchmark
    public void baseline() {
    }

    /** WRONG: the sum is thrown away; expect it to be about as fast as the baseline. */
    @Benchmark
    public void discarded() {
        NaiveTimerPitfalls.sumOfRootsDiscarded(x);
    }

    /** RIGHT: the sum is returned and JMH consumes it, so the loop must run. */
    @Benchmark
    public double returned() {
        return NaiveTimerPitfalls.sumOfRootsReturned(x);
    }
}
