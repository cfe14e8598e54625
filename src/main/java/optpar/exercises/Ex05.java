package optpar.exercises;

import optpar.mandelbrot.MandelbrotProblem;
import optpar.mandelbrot.ScalarMandelbrot;

import java.nio.charset.StandardCharsets;
import java.util.Random;

/** The exercises of notebook 05, native code. */
public final class Ex05 {
    private Ex05() {}

    /** Exercise 1: a function from the C library. */
    public static final One one = new One();
    /** Exercise 2: many small calls or one big one. */
    public static final Two two = new Two();
    /** Exercise 3: no copy at all. */
    public static final Three three = new Three();

    /** Your call of C's {@code strlen} on a Java string. */
    @FunctionalInterface
    public interface Strlen {
        long length(String text) throws Throwable;
    }

    /** Your Mandelbrot image computed by C. */
    @FunctionalInterface
    public interface Image {
        int[] compute(MandelbrotProblem p) throws Throwable;
    }

    private static final String[] PIECES = {"a", "Z", " ", "7", "é", "ß", "漢", "€", "😀", "slow", "fast"};

    static String randomText(Random r, int pieces) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < pieces; i++) b.append(PIECES[r.nextInt(PIECES.length)]);
        return b.toString();
    }

    static MandelbrotProblem randomProblem(Random r, int i) {
        return new MandelbrotProblem(1 + r.nextInt(4 + 3 * i), 1 + r.nextInt(3 + 2 * i), 1 + r.nextInt(20 + 10 * i));
    }

    static Outcome sameImages(String what, Image mine) {
        if (mine == null) return Outcome.notSolved(what + ": no function yet");
        return Trials.<MandelbrotProblem, int[]>of(what)
                .inputs(20, Ex05::randomProblem)
                .size(MandelbrotProblem::pixels)
                .describe(p -> p.width() + "x" + p.height() + ", maxIter " + p.maxIter())
                .reference(p -> new ScalarMandelbrot().compute(p, 1))
                .run(what, mine::compute);
    }

    public static final class One extends Exercise {
        One() {
            super("05", 1, "a function from the C library",
                    "MethodHandle strlen = linker.downcallHandle(linker.defaultLookup().find(\"strlen\").orElseThrow(), FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.ADDRESS));",
                    "try (Arena arena = Arena.ofConfined()) { return (long) strlen.invokeExact(arena.allocateFrom(text)); }",
                    "Ex05.one.check(text -> cLength(text)) with long cLength(String text) throws Throwable");
        }

        /** The byte count of random strings, ASCII and not: C counts UTF-8 bytes. */
        public Outcome judge(Strlen strlen) {
            if (strlen == null) return Outcome.notSolved("no strlen binding yet");
            return Trials.<String, Long>of("strlen")
                    .inputs(30, (r, i) -> randomText(r, r.nextInt(2 * i + 1)))
                    .plus("", "Your code is slow. Now what?")
                    .size(String::length)
                    .describe(t -> "\"" + t + "\"")
                    .reference(t -> (long) t.getBytes(StandardCharsets.UTF_8).length)
                    .run("your strlen", strlen::length)
                    .and("C counts the bytes of UTF-8 up to the terminating 0 that allocateFrom writes; String.length() counts UTF-16 units");
        }

        public void check(Strlen strlen) { report(() -> judge(strlen)); }

        public void mustPass(Strlen strlen) { require(() -> judge(strlen)); }
    }

    public static final class Two extends Exercise {
        Two() {
            super("05", 2, "many small calls or one big one",
                    "MethodHandle rows = linker.downcallHandle(lib.find(\"optpar_mandelbrot_rows\").orElseThrow(), rowsSignature);",
                    "one call per row: rows.invokeExact(w, h, maxIter, r, r + 1, image) for each r; one call: rows 0 to height",
                    "Ex05.two.check(p -> perRow(rows, p), p -> allAtOnce(rows, p))");
        }

        /** Both images equal the Java reference on random small problems. */
        public Outcome judge(Image perRow, Image allAtOnce) {
            Outcome a = sameImages("your one-call-per-row image", perRow);
            if (!a.solved()) return a;
            return sameImages("your one-call image", allAtOnce)
                    .and("a call costs nanoseconds; a row costs up to width x maxIter iterations: the number of calls hardly matters here");
        }

        public void check(Image perRow, Image allAtOnce) { report(() -> judge(perRow, allAtOnce)); }

        public void mustPass(Image perRow, Image allAtOnce) { require(() -> judge(perRow, allAtOnce)); }
    }

    public static final class Three extends Exercise {
        Three() {
            super("05", 3, "no copy at all",
                    "linker.downcallHandle(address, rowsSignature, Linker.Option.critical(true)) accepts heap segments",
                    "int[] counts = new int[p.pixels()]; handle.invokeExact(w, h, maxIter, 0, h, MemorySegment.ofArray(counts)); return counts;",
                    "Ex05.three.check(p -> inPlace(rowsOnHeap, p))");
        }

        /** The image written straight into a Java array equals the reference on random small problems. */
        public Outcome judge(Image critical) {
            return sameImages("your critical-call image", critical)
                    .and("no native memory and no copy; but the GC waits while C holds the array: keep such calls short");
        }

        public void check(Image critical) { report(() -> judge(critical)); }

        public void mustPass(Image critical) { require(() -> judge(critical)); }
    }
}
