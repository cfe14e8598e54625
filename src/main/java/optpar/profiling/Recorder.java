package optpar.profiling;

import java.util.List;

/**
 * One way of recording stack samples of one thread: async-profiler or Java Flight Recorder.
 * {@link Profile} picks one ({@link Profiler}), starts it, runs the work, stops it.
 */
interface Recorder {
    /** Which profiler, in which mode, and why (e.g. why not the preferred one). */
    String describe();

    /** Starts sampling: CPU stacks, or allocation stacks when {@code allocations}. */
    void start(boolean allocations);

    /**
     * Stops and returns the stacks of the thread named {@code threadName} (root first), weighted by
     * samples (CPU) or bytes (allocations), and how many samples they came from; with
     * {@code allThreads}, the stacks of every thread, each under a root frame naming its thread.
     */
    Recorded stop(String threadName, boolean allThreads);

    /** Stacks and the number of samples behind them. */
    record Recorded(CollapsedStacks stacks, long samples) {}

    /** The thread frame async-profiler puts at the root with its {@code threads} option. */
    static boolean isThreadFrame(String frame, String threadName) {
        return frame.startsWith("[" + threadName + " ") || frame.equals("[" + threadName + "]");
    }

    /** Keeps the stacks rooted in the work thread, without that thread frame (all of them with {@code allThreads}). */
    static CollapsedStacks ofThread(CollapsedStacks all, String threadName, boolean allThreads) {
        if (allThreads) return all;
        CollapsedStacks.Builder b = CollapsedStacks.builder();
        all.stacks().forEach((frames, w) -> {
            if (isThreadFrame(frames.getFirst(), threadName)) b.add(frames.subList(1, frames.size()), w);
        });
        return b.build();
    }

    /** async-profiler names Java classes with '/': make them read like Java ("java.util.ArrayList.add"). */
    static String dotted(String frame) {
        return FrameKind.of(frame).isJava() || frame.endsWith(FrameKind.KERNEL.suffix) && frame.indexOf('/') > 0
                ? frame.replace('/', '.') : frame;
    }

    static List<String> dotted(List<String> frames) {
        return frames.stream().map(Recorder::dotted).toList();
    }
}
