package optpar.exercises;

import optpar.Course;
import optpar.jit.BoxingCosts;
import optpar.jit.KernelTimings;
import optpar.jit.MegamorphicCalls;

import java.util.Locale;
import java.util.stream.LongStream;

/** The exercises of notebook 04, JIT compilation. */
public final class Ex04 {
    private Ex04() {}

    /** Exercise 1: C2 without tiers. */
    public static final One one = new One();
    /** Exercise 2: a switch instead of a virtual call. */
    public static final Two two = new Two();
    /** Exercise 3: hidden boxing. */
    public static final Three three = new Three();

    public static final class One extends Exercise {
        One() {
            super("04", 1, "C2 without tiers",
                    "var c2only = JitModes.runMandelbrot(List.of(\"-XX:-TieredCompilation\"), problem, \"scalar\", 1, calls, timeout);",
                    "compare tiered.millis(0) with c2only.millis(0) (the first calls) and their bestMillis()",
                    "answer which one starts faster, \"tiered\" or \"c2\": Ex04.one.check(tiered, c2only, \"...\")");
        }

        /** Both runs computed the same image; the answer names the mode with the quick first compiler. */
        public Outcome judge(KernelTimings tiered, KernelTimings c2only, String startsFaster) {
            if (tiered == null || c2only == null) return Outcome.notSolved("run both JVMs first: pass the tiered and the C2-only timings");
            if (startsFaster == null || startsFaster.isBlank()) return Outcome.notSolved("both runs are there; now answer: which starts faster, \"tiered\" or \"c2\"?");
            if (!tiered.checksum().equals(c2only.checksum())) return Outcome.wrong("the two runs computed different images (checksums " + tiered.checksum() + " and " + c2only.checksum() + ")");
            String a = startsFaster.strip().toLowerCase(Locale.ROOT);
            double early = early(tiered), earlyC2 = early(c2only);
            String measured = String.format(Locale.ROOT, "here the early calls took %.1f ms tiered, %.1f ms with C2 only (best %.2f and %.2f ms): %s",
                    early, earlyC2, tiered.bestMillis(), c2only.bestMillis(), early < earlyC2 ? "as expected"
                            : "not on this run: within one long call C2 alone compiles the hot loop during the call (on-stack replacement), while tiered first runs it in C1's profiling code; tiering pays off with many short calls");
            if (!a.startsWith("tier")) {
                if (a.startsWith("c2")) return Outcome.wrong("by design C2 alone starts later: it waits for ~10,000 calls or loop iterations before compiling; " + measured);
                return Outcome.wrong("answer \"tiered\" or \"c2\", not \"" + startsFaster + "\"");
            }
            return Outcome.solved("tiered is meant to start faster: C1 compiles after ~200 invocations, while C2 alone interprets until ~10,000; "
                    + "the steady state is C2's in both; " + measured);
        }

        /** The mean of the first calls (up to three): the start-up the question is about. */
        private static double early(KernelTimings t) {
            int k = Math.min(3, t.calls());
            double sum = 0;
            for (int i = 0; i < k; i++) sum += t.millis(i);
            return sum / k;
        }

        public void check(KernelTimings tiered, KernelTimings c2only, String startsFaster) { report(() -> judge(tiered, c2only, startsFaster)); }

        public void mustPass(KernelTimings tiered, KernelTimings c2only, String startsFaster) { require(() -> judge(tiered, c2only, startsFaster)); }
    }

    /** Your sum of areas by a switch. */
    @FunctionalInterface
    public interface ShapeSum {
        double sum(MegamorphicCalls.Shape[] shapes) throws Throwable;
    }

    public static final class Two extends Exercise {
        Two() {
            super("04", 2, "a switch instead of a virtual call",
                    "sum += switch (s) { case MegamorphicCalls.Square q -> q.side() * q.side(); case MegamorphicCalls.Circle c -> ...; ... };",
                    "the four areas: side², PI r², w h, base height / 2 (as in each record's area())",
                    "Ex04.two.check(shapes -> sumBySwitch(shapes))");
        }

        /** The same sum as {@code sumFourTypes} on random mixes of one to four shape types. */
        public Outcome judge(ShapeSum bySwitch) {
            if (bySwitch == null) return Outcome.notSolved("no sumBySwitch yet");
            return Trials.<MegamorphicCalls.Shape[], Double>of("the sum of areas")
                    .inputs(25, (r, i) -> MegamorphicCalls.shapes(1 + r.nextInt(20 * (i + 1)), 1 + r.nextInt(4), r.nextLong()))
                    .size(s -> s.length)
                    .describe(s -> s.length + " shapes " + Trials.show(s))
                    .reference(MegamorphicCalls::sumFourTypes)
                    .same((e, a) -> Math.abs(e - a) <= 1e-12 * Math.max(1, Math.abs(e)))
                    .run("your sumBySwitch", s -> bySwitch.sum(s.clone()))
                    .and("the switch tests the type against a closed list; whether it beats the virtual call depends on the JDK: the timing tells");
        }

        public void check(ShapeSum bySwitch) { report(() -> judge(bySwitch)); }

        public void mustPass(ShapeSum bySwitch) { require(() -> judge(bySwitch)); }
    }

    public static final class Three extends Exercise {
        Three() {
            super("04", 3, "hidden boxing",
                    "var primitiveStream = Timing.measure(\"LongStream.sum\", 3, 5, () -> LongStream.range(0, m).sum());",
                    "BoxingCosts.allocatedBytes(() -> LongStream.range(0, m).sum()) / (double) m is the primitive stream's bytes per element",
                    "Ex04.three.check(boxedBytesPerElement, primitiveBytesPerElement)");
        }

        /** Your bytes per element agree with the check's own count: the boxed one within a factor of 2.5, the primitive one near 0. */
        public Outcome judge(double boxedBytesPerElement, double primitiveBytesPerElement) {
            if (Double.isNaN(boxedBytesPerElement) || Double.isNaN(primitiveBytesPerElement)) return Outcome.notSolved("no measurement yet: give the bytes per element of both streams");
            int m = Course.size(1_000_000, 200_000);
            for (int i = 0; i < 2; i++) LongStream.range(0, m).boxed().reduce(0L, Long::sum);    // warm-up: as compiled as yours
            double boxed = BoxingCosts.allocatedBytes(() -> LongStream.range(0, m).boxed().reduce(0L, Long::sum)) / (double) m;
            double primitive = BoxingCosts.allocatedBytes(() -> LongStream.range(0, m).sum()) / (double) m;
            if (primitiveBytesPerElement > boxedBytesPerElement) return Outcome.wrong("the primitive stream cannot allocate more than the boxed one: the two values are swapped?");
            // How many boxes escape analysis removes depends on how far the JIT got: agree within a factor of 2.5.
            if (boxedBytesPerElement < 8 || boxedBytesPerElement > 2.5 * boxed + 2 || boxedBytesPerElement < boxed / 2.5 - 2
                    || primitiveBytesPerElement > primitive + 2) {
                return Outcome.wrong(String.format(Locale.ROOT, "this check counted %.1f (boxed) and %.1f (primitive) bytes per element; you gave %.1f and %.1f",
                        boxed, primitive, boxedBytesPerElement, primitiveBytesPerElement));
            }
            return Outcome.solved(String.format(Locale.ROOT, "boxed %.1f, primitive %.1f bytes per element: boxed() makes a Long per element and "
                    + "every Long::sum another; LongStream.sum stays in registers", boxedBytesPerElement, primitiveBytesPerElement));
        }

        public void check(double boxedBytesPerElement, double primitiveBytesPerElement) { report(() -> judge(boxedBytesPerElement, primitiveBytesPerElement)); }

        public void mustPass(double boxedBytesPerElement, double primitiveBytesPerElement) { require(() -> judge(boxedBytesPerElement, primitiveBytesPerElement)); }
    }
}
