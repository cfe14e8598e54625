package optpar.profiling;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Profiling from inside the program with Java Flight Recorder, the JVM's built-in, low-overhead
 * profiler: the counterpart of Python's {@code cProfile} (where does the time go?) and
 * {@code tracemalloc} (who allocates?).
 *
 * <p>{@link #record} runs the work on the calling thread under a JFR recording that samples the
 * thread's stack every millisecond or so ({@code jdk.ExecutionSample}) and samples allocations
 * ({@code jdk.ObjectAllocationSample}), then reads the recording back with
 * {@code jdk.jfr.consumer.RecordingFile} and sums it up. A sampling profiler does not measure every
 * call (as cProfile does): it looks at the stack now and then, so its cost is small and its counts
 * are statistical.
 * <pre>{@code
 * JfrProfiler.Profile p = JfrProfiler.record(() -> SlowAnalysis.medianNearestNeighbourDistance(3000, 1));
 * p.hotMethods(10);     // method, self samples, self %, total %
 * p.allocations(10);    // type, estimated MB, %
 * p.file();             // the .jfr file: open it in JDK Mission Control for the full picture
 * }</pre>
 */
public final class JfrProfiler {
    private JfrProfiler() {}

    /** Records {@code work} with a 1 ms sampling period. */
    public static Profile record(Runnable work) {
        return record(work, Duration.ofMillis(1));
    }

    /**
     * Records {@code work}, run on the calling thread, sampling its stack every {@code period}.
     *
     * @throws IllegalArgumentException when the period is not positive
     */
    public static Profile record(Runnable work, Duration period) {
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("sampling period " + period + " is not allowed; use a positive duration such as 1 ms");
        }
        try {
            Path file = Files.createTempFile("optpar-profile-", ".jfr");
            file.toFile().deleteOnExit();
            long start = System.nanoTime();
            try (Recording recording = new Recording()) {
                recording.enable("jdk.ExecutionSample").withPeriod(period);
                recording.enable("jdk.ObjectAllocationSample").with("throttle", "20000/s");
                recording.start();
                work.run();
                recording.stop();
                recording.dump(file);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            return summarize(file, Thread.currentThread().threadId(), seconds);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write or read the JFR recording", e);
        }
    }

    /** Reads a recording and keeps only the events of the thread that ran the work. */
    static Profile summarize(Path file, long threadId, double seconds) throws IOException {
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> total = new HashMap<>();
        Map<String, Long> bytesByType = new HashMap<>();
        int samples = 0;
        for (RecordedEvent e : RecordingFile.readAllEvents(file)) {
            String type = e.getEventType().getName();
            if (type.equals("jdk.ExecutionSample")) {
                if (!sameThread(e.getThread("sampledThread"), threadId) || e.getStackTrace() == null) continue;
                List<RecordedFrame> frames = e.getStackTrace().getFrames();
                if (frames.isEmpty()) continue;
                samples++;
                self.merge(name(frames.get(0)), 1, Integer::sum);         // where the CPU was
                Set<String> seen = new HashSet<>();                       // each method once per sample
                for (RecordedFrame f : frames) {
                    if (seen.add(name(f))) total.merge(name(f), 1, Integer::sum);
                }
            } else if (type.equals("jdk.ObjectAllocationSample")) {
                if (!sameThread(e.getThread("eventThread"), threadId)) continue;
                // weight: the bytes this sample stands for (allocations since the previous sample)
                bytesByType.merge(readableType(e.getClass("objectClass").getName()), e.getLong("weight"), Long::sum);
            }
        }
        return new Profile(file, seconds, samples, self, total, bytesByType);
    }

    /** "[Ljava.lang.Object;" becomes "java.lang.Object[]", "[D" becomes "double[]". */
    static String readableType(String jvmName) {
        if (!jvmName.startsWith("[")) return jvmName;
        String element = jvmName.substring(1);
        String inner = switch (element.charAt(0)) {
            case 'Z' -> "boolean"; case 'B' -> "byte"; case 'C' -> "char"; case 'S' -> "short";
            case 'I' -> "int"; case 'J' -> "long"; case 'F' -> "float"; case 'D' -> "double";
            case 'L' -> element.substring(1, element.length() - 1);
            default -> readableType(element);
        };
        return inner + "[]";
    }

    private static boolean sameThread(RecordedThread t, long threadId) {
        return t != null && t.getJavaThreadId() == threadId;
    }

    private static String name(RecordedFrame f) {
        String cls = f.getMethod().getType().getName();
        return cls.substring(cls.lastIndexOf('.') + 1) + "." + f.getMethod().getName();
    }

    /**
     * What a recording says: stack samples per method and sampled allocation per type.
     *
     * @param file    the JFR recording (open it in JDK Mission Control, or {@code jfr print})
     * @param seconds wall time of the recorded work
     * @param samples stack samples of the working thread
     */
    public record Profile(Path file, double seconds, int samples, Map<String, Integer> selfSamples,
                          Map<String, Integer> totalSamples, Map<String, Long> allocatedBytes) {

        /**
         * The {@code top} methods by self samples (the method on top of the stack: where the CPU
         * was), with their total share (the method anywhere on the stack: it or what it called).
         */
        public Table hotMethods(int top) {
            StringColumn method = StringColumn.create("method");
            IntColumn selfCol = IntColumn.create("self samples");
            DoubleColumn selfPct = DoubleColumn.create("self %");
            DoubleColumn totalPct = DoubleColumn.create("total %");
            selfSamples.entrySet().stream()
                    .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                    .limit(top)
                    .forEach(en -> {
                        method.append(en.getKey());
                        selfCol.append(en.getValue());
                        selfPct.append(round1(100.0 * en.getValue() / samples));
                        totalPct.append(round1(100.0 * totalSamples.getOrDefault(en.getKey(), 0) / samples));
                    });
            return Table.create("Hot methods (" + samples + " samples in " + String.format("%.2f", seconds) + " s)",
                    method, selfCol, selfPct, totalPct);
        }

        /** The {@code top} allocated types by estimated bytes. */
        public Table allocations(int top) {
            long all = allocatedBytes.values().stream().mapToLong(Long::longValue).sum();
            StringColumn type = StringColumn.create("type");
            DoubleColumn mb = DoubleColumn.create("MB allocated (est.)");
            DoubleColumn pct = DoubleColumn.create("%");
            allocatedBytes.entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                    .limit(top)
                    .forEach(en -> {
                        type.append(en.getKey());
                        mb.append(round1(en.getValue() / 1e6));
                        pct.append(round1(100.0 * en.getValue() / Math.max(1, all)));
                    });
            return Table.create("Allocation by type (" + String.format("%.0f", all / 1e6) + " MB sampled)", type, mb, pct);
        }

        /** The method with the most self samples ("none" when there were no samples). */
        public String hottestMethod() {
            return selfSamples.entrySet().stream().max(Map.Entry.comparingByValue())
                    .map(Map.Entry::getKey).orElse("none");
        }

        private static double round1(double v) {
            return Math.round(v * 10) / 10.0;
        }
    }
}
