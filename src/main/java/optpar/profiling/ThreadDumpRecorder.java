package optpar.profiling;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A deliberately naive sampling profiler: a thread that asks for the work thread's stack
 * ({@link Thread#getStackTrace()}) every millisecond, as the simple samplers of many tools do. To hand
 * out a stack, the JVM must bring the thread to a <b>safepoint</b> (a poll the JIT places at method
 * returns and loop back-edges), so every sample lands at such a poll, not where the time is
 * spent: <b>safepoint bias</b>. It exists to be compared with async-profiler and JFR, which walk the
 * stack where the thread happens to be. Frames carry no kind (the API does not say).
 */
final class ThreadDumpRecorder implements Recorder {
    private volatile boolean running;
    private Thread sampler;
    private final CollapsedStacks.Builder stacks = CollapsedStacks.builder();
    private final AtomicLong samples = new AtomicLong();
    private volatile String target;

    @Override
    public String describe() {
        return "Thread.getStackTrace() every 1 ms (safepoint-biased)";
    }

    /** The work thread's name is known only at stop, so the sampler looks it up by the name prefix. */
    @Override
    public void start(boolean allocations) {
        if (allocations) throw new IllegalArgumentException("the thread-dump sampler records CPU stacks only");
        running = true;
        sampler = Thread.ofPlatform().daemon().name("thread-dump-sampler").start(this::sampleLoop);
    }

    void target(String threadName) {
        target = threadName;
    }

    private void sampleLoop() {
        Thread work = null;
        while (running) {
            String name = target;
            if (work == null && name != null) {           // found once, by name, then asked directly
                work = Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals(name)).findFirst().orElse(null);
            }
            if (work != null) {
                StackTraceElement[] trace = work.getStackTrace();     // brings the thread to a safepoint
                if (trace.length > 0) {
                    List<String> frames = new ArrayList<>();
                    // the API does not say how a frame ran: marked as compiled, which after warm-up it is
                    for (int i = trace.length - 1; i >= 0; i--) {
                        frames.add(trace[i].getClassName() + "." + trace[i].getMethodName() + FrameKind.JIT_COMPILED.suffix);
                    }
                    synchronized (stacks) { stacks.add(frames, 1); }
                    samples.incrementAndGet();
                }
            }
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public Recorded stop(String threadName, boolean allThreads) {
        running = false;
        try {
            sampler.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (stacks) {
            return new Recorded(stacks.build(), samples.get());
        }
    }
}
