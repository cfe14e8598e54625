package optpar.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The run settings every course benchmark shares, in one place: average time per operation in
 * milliseconds, 3 warm-up and 5 measured iterations of 1 s, one fresh JVM. The fork gets the course's
 * JVM options ({@code optpar.Course#jvmOptions}, from {@code jvm-options.txt}) from {@link Jmh}; run
 * through JMH's own main, a fork inherits the options of the JVM that started it. JMH reads these
 * annotations from the superclass; {@link Jmh} and JMH's own {@code -wi/-i/-f} options override the
 * iteration counts.
 *
 * <pre>{@code
 * @State(Scope.Benchmark)
 * public class MyBench extends CourseBenchmark {
 *     @Benchmark public int[] image() { ... }
 * }
 * }</pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
abstract class CourseBenchmark {
}
