package optpar.profiling;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Profiles a piece of work and returns its {@link FlameGraph}: where the CPU time went
 * ({@link #cpu}) or who allocated what ({@link #allocations}).
 *
 * <p>After a warm-up (half the minimum time, not recorded: the JIT compiles the work first), the work
 * runs again and again for at least {@link Options#minTime} (1 s by default; longer, up to twice that,
 * while its thread has had too little CPU time for {@value FlameGraph#ENOUGH_SAMPLES} samples),
 * on a thread of its own, under <b>async-profiler</b> when its native library loads here (perf events,
 * or its ctimer/itimer timers where perf events are not allowed), else under <b>Java Flight
 * Recorder</b>. The cell prints the sample count and which profiler and mode recorded; below
 * {@value FlameGraph#ENOUGH_SAMPLES} samples it warns that the picture is mostly noise.
 *
 * <pre>{@code
 * FlameGraph slow = Profile.cpu("median distance", () -> SlowAnalysis.medianNearestNeighbourDistance(2000, 1));
 * slow.show();   // as a cell's last expression: the interactive page and its PNG
 *
 * FlameGraph boxes = Profile.allocations(() -> SlowAnalysis.medianNearestNeighbourDistance(2000, 1));
 * FlameGraph jfr = Profile.options().profiler(Profiler.JFR).minTime(Duration.ofSeconds(2)).cpu(() -> work());
 * }</pre>
 */
public final class Profile {
    private Profile() {}

    /** Default minimum wall time of a profile. */
    public static final Duration DEFAULT_MIN_TIME = Duration.ofSeconds(1);

    /** A CPU profile of {@code work}, with the default options. */
    public static FlameGraph cpu(Runnable work) {
        return options().cpu(work);
    }

    /** A CPU profile of {@code work}, titled. */
    public static FlameGraph cpu(String title, Runnable work) {
        return options().title(title).cpu(work);
    }

    /** An allocation profile of {@code work}: stacks weighted by the bytes they allocated. */
    public static FlameGraph allocations(Runnable work) {
        return options().allocations(work);
    }

    /** An allocation profile of {@code work}, titled. */
    public static FlameGraph allocations(String title, Runnable work) {
        return options().title(title).allocations(work);
    }

    /** Options to change before profiling: title, minimum time, profiler, quiet. */
    public static Options options() {
        return new Options();
    }

    /** How to profile. Each setter returns this. */
    public static final class Options {
        private String title;
        private Duration minTime = DEFAULT_MIN_TIME;
        private Duration warmUp;                  // null: half the minimum time
        private Profiler profiler = Profiler.AUTO;
        private boolean quiet;
        private boolean allThreads;

        private Options() {}

        /** The flame graph's title. */
        public Options title(String title) {
            this.title = title;
            return this;
        }

        /**
         * The minimum wall time to repeat the work for.
         *
         * @throws IllegalArgumentException unless between 10 ms and 10 minutes
         */
        public Options minTime(Duration minTime) {
            if (minTime.compareTo(Duration.ofMillis(10)) < 0 || minTime.compareTo(Duration.ofMinutes(10)) > 0) {
                throw new IllegalArgumentException("minimum profiling time " + minTime + " is not allowed; use 10 ms to 10 minutes (1 s or more gives enough samples)");
            }
            this.minTime = minTime;
            return this;
        }

        /**
         * How long to run the work, unrecorded, before recording (default: half the minimum time;
         * zero for none): a profile of the first calls shows the interpreter and the JIT at work,
         * not the program's steady state.
         *
         * @throws IllegalArgumentException when negative or above 10 minutes
         */
        public Options warmUp(Duration warmUp) {
            if (warmUp.isNegative() || warmUp.compareTo(Duration.ofMinutes(10)) > 0) {
                throw new IllegalArgumentException("warm-up " + warmUp + " is not allowed; use 0 to 10 minutes");
            }
            this.warmUp = warmUp;
            return this;
        }

        /** Which profiler: AUTO (async-profiler where it loads, else JFR), ASYNC, JFR, or SAFEPOINT_BIASED (for comparison). */
        public Options profiler(Profiler profiler) {
            this.profiler = java.util.Objects.requireNonNull(profiler, "profiler");
            return this;
        }

        /**
         * Keep the stacks of every thread of the JVM (each under a frame naming its thread), not only
         * the work's: the JIT's compiler threads, the garbage collector, threads the work started.
         * (JFR samples only threads running Java code.)
         */
        public Options allThreads() {
            this.allThreads = true;
            return this;
        }

        /** Print nothing (the summary is still in the result). */
        public Options quiet() {
            this.quiet = true;
            return this;
        }

        /** Profiles where the CPU time of {@code work} goes. */
        public FlameGraph cpu(Runnable work) {
            return record(work, false);
        }

        /** Profiles what {@code work} allocates, and where. */
        public FlameGraph allocations(Runnable work) {
            return record(work, true);
        }

        /**
         * Profiles the CPU time of a main class run in a fresh child JVM started with
         * {@code jvmFlags} (e.g. {@code -Xint}: a JIT state this JVM cannot go back to), through
         * {@link ProfileMain}: the same recording, repeated for the minimum time, stopped after
         * {@code timeout}.
         *
         * @throws optpar.process.ChildProcessException when the child fails or exceeds the timeout
         */
        public FlameGraph cpuOfChildJvm(List<String> jvmFlags, Duration timeout, String mainClass, String... args) {
            return ofChildJvm(false, jvmFlags, timeout, mainClass, args);
        }

        /** As {@link #cpuOfChildJvm}, for allocations. */
        public FlameGraph allocationsOfChildJvm(List<String> jvmFlags, Duration timeout, String mainClass, String... args) {
            return ofChildJvm(true, jvmFlags, timeout, mainClass, args);
        }

        private FlameGraph ofChildJvm(boolean allocation, List<String> jvmFlags, Duration timeout, String mainClass, String... args) {
            java.nio.file.Path dir;
            try {
                dir = java.nio.file.Files.createTempDirectory("optpar-child-profile-");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            List<String> cli = new ArrayList<>(List.of("--out", dir.toString(), "--seconds", String.valueOf(minTime.toMillis() / 1000.0),
                    "--timeout", String.valueOf(timeout.toSeconds()), "--profiler", profiler.resolved().name().toLowerCase(Locale.ROOT)));
            if (warmUp != null) { cli.add("--warm-up"); cli.add(String.valueOf(warmUp.toMillis() / 1000.0)); }
            if (allocation) cli.add("--alloc");
            if (allThreads) cli.add("--all-threads");
            if (title != null) { cli.add("--title"); cli.add(title); }
            cli.add(mainClass);
            cli.addAll(List.of(args));
            var cmd = optpar.Course.javaCommand(jvmFlags, ProfileMain.class.getName(), cli.toArray(String[]::new));
            // the child bounds itself (--timeout); this bound is for a child that hangs before it starts
            optpar.process.ChildProcess.of(cmd).timeout(timeout.plusSeconds(30)).run().requireSuccess();
            FlameGraph g = FlameGraph.load(dir, ProfileMain.NAME);
            if (!quiet) System.out.println(g.summary());
            return g;
        }

        private FlameGraph record(Runnable work, boolean allocation) {
            java.util.Objects.requireNonNull(work, "work");
            List<String> warnings = new ArrayList<>();
            Profiler choice = profiler.resolved();
            Recorder chosen = choose(choice, warnings);
            WorkLoop loop = new WorkLoop(work);
            Duration warm = warmUp != null ? warmUp : minTime.dividedBy(2);
            if (!warm.isZero()) {
                long end = System.nanoTime() + warm.toNanos();
                do work.run(); while (System.nanoTime() < end);     // at least once: classes loaded, code compiled
            }
            try {
                chosen.start(allocation);
            } catch (IllegalStateException e) {
                if (choice != Profiler.AUTO || chosen instanceof JfrRecorder) throw e;
                warnings.add("recorded with JFR: " + e.getMessage());   // loaded, but would not start here
                chosen = new JfrRecorder("async-profiler did not start");
                chosen.start(allocation);
            }
            Recorder recorder = chosen;
            if (recorder instanceof ThreadDumpRecorder dumps) dumps.target(loop.threadName);
            WorkLoop.Result r;
            Recorder.Recorded rec;
            try {
                // Go on (up to twice minTime) while the work thread has not yet had the CPU time (one sample
                // per ms) or allocated the bytes (one sample per 128 KB) for enough samples, with a margin:
                // on a busy machine a second of wall time can hold far less CPU time.
                long cpuNeeded = FlameGraph.ENOUGH_SAMPLES * 1_500_000L, bytesNeeded = FlameGraph.ENOUGH_SAMPLES * 3L * 128 * 1024;
                r = loop.run(minTime, minTime.multipliedBy(2),
                        (cpu, bytes) -> allocation ? bytes < bytesNeeded : cpu < cpuNeeded);
            } finally {
                rec = recorder.stop(loop.threadName, allThreads);
            }
            if (rec.samples() < FlameGraph.ENOUGH_SAMPLES) {
                warnings.add(allocation
                        ? String.format(Locale.ROOT, "only %d allocation samples (%s allocated per call, in few or large objects): the picture is thin; profile longer to see more",
                                rec.samples(), FlameGraph.bytes(r.allocatedBytesPerCall()))
                        : String.format(Locale.ROOT, "only %d samples (fewer than %d): the picture is mostly noise; profile longer (minTime) or a bigger problem%s",
                                rec.samples(), FlameGraph.ENOUGH_SAMPLES,
                                r.seconds() > 0 ? ", or this machine is busy (samples count CPU time, not wall time)" : ""));
            }
            String t = title != null ? title : allocation ? "allocation profile" : "CPU profile";
            CollapsedStacks stacks = rec.stacks().above(WorkLoop::isLoopFrame, allThreads).mapFrames(Profile::tidyLambda);
            FlameGraph g = new FlameGraph(t, stacks, allocation, rec.samples(),
                    r.seconds(), r.calls(), r.allocatedBytes(), recorder.describe(), warnings);
            if (!quiet) System.out.println(g.summary());
            return g;
        }
    }

    private static final java.util.regex.Pattern LAMBDA_ADDRESS = java.util.regex.Pattern.compile("\\$\\$Lambda[./]0x[0-9a-fA-F]+");

    /** "Try$$Lambda.0x00000000780af928.run" becomes "Try$$Lambda.run": the address says nothing to a reader. */
    static String tidyLambda(String frame) {
        return LAMBDA_ADDRESS.matcher(frame).replaceAll("\\$\\$Lambda");
    }

    /** The recorder for the choice; a fallback to JFR is said in a warning. */
    static Recorder choose(Profiler choice, List<String> warnings) {
        if (choice == Profiler.JFR) return new JfrRecorder("");
        if (choice == Profiler.SAFEPOINT_BIASED) return new ThreadDumpRecorder();
        AsyncProfilerRecorder async = AsyncProfilerRecorder.tryLoad();
        if (async != null) return async;
        String why = AsyncProfilerRecorder.whyNot();
        if (choice == Profiler.ASYNC) throw new IllegalStateException(why + "; use Profiler.AUTO or Profiler.JFR");
        warnings.add("recorded with JFR: " + why);
        return new JfrRecorder("async-profiler unavailable");
    }
}
