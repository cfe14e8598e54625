package optpar.bench;

import java.util.concurrent.TimeUnit;
import optpar.measure.BandwidthProbe;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH benchmark of the memory-bandwidth probe ({@link BandwidthProbe}): one pass of copy or triad
 * over arrays of {@code mib} MiB per operation. GB/s = bytes / time with 16 bytes per element for
 * copy and 24 for triad ({@code mib * 2^20 / 8} elements).
 *
 * <pre>
 * java ... optpar.bench.Jmh stream --mib 256 --threads 1,2
 * java -cp target/optpar.jar:target/lib/* org.openjdk.jmh.Main optpar.bench.StreamBench -p mib=256 -p threads=1,2
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"})
public class StreamBench {

    @Param({"1", "2"})
    public int threads;

    /** MiB per array: far above the last-level cache, or the probe measures the cache. */
    @Param({"256"})
    public int mib;

    private BandwidthProbe probe;

    @Setup(Level.Trial)
    public void setup() {
        probe = new BandwidthProbe(mib, threads);
        probe.copy(); // c = a, so the triad computes STREAM's values
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        probe.close();
    }

    @Benchmark
    public double copy() {
        return probe.copy();
    }

    @Benchmark
    public double triad() {
        return probe.triad();
    }
}
