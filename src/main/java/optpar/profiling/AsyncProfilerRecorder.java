package optpar.profiling;

import one.profiler.AsyncProfiler;

/**
 * Records with async-profiler inside this JVM: its Java API loads the native library that ships in
 * the {@code tools.profiler:async-profiler} jar (extracted to a temporary file, loaded, deleted).
 *
 * <p>CPU mode: Linux perf events ({@code cpu-clock}) where the kernel allows them
 * ({@code /proc/sys/kernel/perf_event_paranoid}, containers' seccomp); otherwise its
 * {@code ctimer} mode (a per-thread CPU-time timer, {@code timer_create}), otherwise {@code itimer}
 * (one process-wide {@code setitimer} signal). All three sample CPU time; perf events also see the
 * kernel's frames. Allocation mode samples about every 128 KB allocated (JVMTI's sampled allocation
 * events), weighting each sample by its bytes.
 */
final class AsyncProfilerRecorder implements Recorder {
    private static String loadFailure;              // why it could not load, once known
    private static AsyncProfiler instance;

    private final AsyncProfiler profiler;
    private final String cpuEvent;                  // "cpu" (perf events), "ctimer" or "itimer"
    private final String cpuMode;
    private boolean allocations;

    private AsyncProfilerRecorder(AsyncProfiler profiler, String cpuEvent, String cpuMode) {
        this.profiler = profiler;
        this.cpuEvent = cpuEvent;
        this.cpuMode = cpuMode;
    }

    /**
     * async-profiler when it loads and can sample here, else null with {@link #whyNot()} saying why.
     */
    static synchronized AsyncProfilerRecorder tryLoad() {
        if (loadFailure != null) return null;
        try {
            if (instance == null) instance = AsyncProfiler.getInstance();
        } catch (Throwable e) {                     // UnsatisfiedLinkError, an unsupported platform ...
            loadFailure = "async-profiler could not load here (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")";
            return null;
        }
        String forced = System.getenv("OPTPAR_ASYNC_EVENT");   // to try the fallbacks on purpose
        if (forced != null && !forced.isBlank()) {
            return new AsyncProfilerRecorder(instance, forced.strip(), forced.strip() + " mode (OPTPAR_ASYNC_EVENT)");
        }
        String perfProblem = check("cpu-clock");
        if (perfProblem == null) return new AsyncProfilerRecorder(instance, "cpu", "cpu mode: perf events (cpu-clock)");
        if (check("ctimer") == null) {
            return new AsyncProfilerRecorder(instance, "ctimer", "ctimer mode (perf events not allowed here: " + perfProblem + ")");
        }
        if (check("itimer") == null) {
            return new AsyncProfilerRecorder(instance, "itimer", "itimer mode (perf events not allowed here: " + perfProblem + "; no ctimer)");
        }
        loadFailure = "async-profiler loaded but can sample no CPU event here (perf events: " + perfProblem + ")";
        return null;
    }

    static synchronized String whyNot() {
        return loadFailure == null ? "" : loadFailure;
    }

    /** null when the event can be used, else the profiler's reason. */
    private static String check(String event) {
        try {
            String answer = instance.execute("check,event=" + event).strip();
            return answer.startsWith("OK") ? null : answer;
        } catch (Exception e) {
            return e.getMessage();
        }
    }

    @Override
    public String describe() {
        return "async-profiler " + profiler.getVersion() + ", " + (allocations ? "alloc mode (sampled allocations)" : cpuMode);
    }

    @Override
    public void start(boolean allocations) {
        this.allocations = allocations;
        try { profiler.stop(); } catch (IllegalStateException notRunning) { /* the usual case */ }
        String event = allocations ? "event=alloc,alloc=128k" : "event=" + cpuEvent + ",interval=1ms";
        try {
            profiler.execute("start," + event + ",threads");
        } catch (Exception e) {
            throw new IllegalStateException("async-profiler did not start (" + event + "): " + e.getMessage(), e);
        }
    }

    @Override
    public Recorded stop(String threadName, boolean allThreads) {
        profiler.stop();
        try {
            // "ann" marks each Java frame with its kind: _[0] interpreted, _[1] C1, _[j] C2, _[i] inlined.
            CollapsedStacks samples = Recorder.ofThread(CollapsedStacks.parse(profiler.execute("collapsed,samples,ann")), threadName, allThreads);
            long count = samples.total();
            CollapsedStacks weighted = allocations
                    ? Recorder.ofThread(CollapsedStacks.parse(profiler.execute("collapsed,total,ann")), threadName, allThreads)
                    : samples;
            return new Recorded(weighted.mapFrames(Recorder::dotted), count);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("could not read async-profiler's stacks: " + e.getMessage(), e);
        }
    }
}
