package optpar.profiling;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Records with Java Flight Recorder, the profiler built into the JVM: {@code jdk.ExecutionSample}
 * every millisecond for CPU (stacks of threads running Java code; a thread in native code or
 * blocked is not sampled), {@code jdk.ObjectAllocationSample} for allocations (each sample weighted by
 * the bytes allocated since the previous one). Stacks are cut at 64 frames (JFR's default depth).
 */
final class JfrRecorder implements Recorder {
    private final String why;
    private Recording recording;
    private boolean allocations;

    JfrRecorder(String why) {
        this.why = why;
    }

    @Override
    public String describe() {
        return "JFR (" + (allocations ? "jdk.ObjectAllocationSample" : "jdk.ExecutionSample every 1 ms") + ")"
                + (why.isEmpty() ? "" : "; " + why);
    }

    @Override
    public void start(boolean allocations) {
        this.allocations = allocations;
        recording = new Recording();
        recording.setName("optpar-profile");
        if (allocations) {
            recording.enable("jdk.ObjectAllocationSample").with("throttle", "5000/s");
        } else {
            recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(1));
        }
        recording.start();
    }

    @Override
    public Recorded stop(String threadName, boolean allThreads) {
        try {
            recording.stop();
            Path file = Files.createTempFile("optpar-profile-", ".jfr");
            try {
                recording.dump(file);
                recording.close();
                return read(file, threadName, allThreads, allocations);
            } finally {
                Files.deleteIfExists(file);      // everything needed is in the stacks now
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write or read the JFR recording", e);
        }
    }

    /** The stacks of one thread (or all) in a recording, root first, each frame marked with its kind. */
    static Recorded read(Path file, String threadName, boolean allThreads, boolean allocations) throws IOException {
        CollapsedStacks.Builder b = CollapsedStacks.builder();
        long samples = 0;
        String wanted = allocations ? "jdk.ObjectAllocationSample" : "jdk.ExecutionSample";
        for (RecordedEvent e : RecordingFile.readAllEvents(file)) {
            if (!e.getEventType().getName().equals(wanted)) continue;
            var thread = e.getThread(allocations ? "eventThread" : "sampledThread");
            if (thread == null || !allThreads && !threadName.equals(thread.getJavaName())) continue;
            RecordedStackTrace trace = e.getStackTrace();
            if (trace == null || trace.getFrames().isEmpty()) continue;
            List<String> frames = new ArrayList<>();
            if (allThreads) frames.add("[" + thread.getJavaName() + " tid=" + thread.getOSThreadId() + "]");   // as async-profiler does
            for (RecordedFrame f : trace.getFrames().reversed()) frames.add(name(f));
            if (allocations) frames.add(JfrProfiler.readableType(e.getClass("objectClass").getName()) + FrameKind.INLINED.suffix);
            b.add(frames, allocations ? e.getLong("weight") : 1);
            samples++;
        }
        return new Recorded(b.build(), samples);
    }

    /** "optpar.profiling.SlowAnalysis.distance_[j]": the kind suffixes async-profiler uses. */
    static String name(RecordedFrame f) {
        String kind = switch (f.getType() == null ? "" : f.getType()) {
            case "Interpreted" -> FrameKind.INTERPRETED.suffix;
            case "JIT compiled" -> FrameKind.JIT_COMPILED.suffix;
            case "C1 compiled" -> FrameKind.C1_COMPILED.suffix;
            case "Inlined" -> FrameKind.INLINED.suffix;
            default -> "";                                  // "Native": a Java method implemented in C
        };
        return f.getMethod().getType().getName() + "." + f.getMethod().getName() + kind;
    }
}
