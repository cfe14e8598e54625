package optpar.jit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * What breaks the JIT, part 1: a call site that sees many receiver types.
 *
 * <p>C2 keeps, for every call site, a profile of the classes it has seen. With one class
 * (<em>monomorphic</em>) or two (<em>bimorphic</em>) it inlines the callee behind a cheap type
 * check; the loop body becomes straight-line arithmetic. With three or more (<em>megamorphic</em>)
 * it gives up and emits a real virtual call through the class's method table: no inlining, so no
 * further optimisation across the call either.
 *
 * <p>The three {@code sum...} methods below have the same body on purpose. The profile belongs to
 * the call site, i.e. to a place in the bytecode: three copies give three independent profiles, each
 * fed with its own mix of shapes. (One shared method would be polluted by whichever mix came
 * first; JMH runs each benchmark in a fresh JVM for the same reason.)
 *
 * <pre>{@code
 * Shape[] mixed = MegamorphicCalls.shapes(1_000_000, 4, 42);     // four classes, shuffled
 * double wrong = MegamorphicCalls.sumFourTypes(mixed);            // a virtual call per element
 * double right = MegamorphicCalls.ByType.of(mixed).sum();         // one monomorphic loop per class
 * }</pre>
 */
public final class MegamorphicCalls {
    private MegamorphicCalls() {}

    /** A shape with an area; four small implementations. */
    public sealed interface Shape permits Square, Circle, Rectangle, Triangle {
        double area();
    }

    public record Square(double side) implements Shape {
        public double area() { return side * side; }
    }

    public record Circle(double radius) implements Shape {
        public double area() { return Math.PI * radius * radius; }
    }

    public record Rectangle(double w, double h) implements Shape {
        public double area() { return w * h; }
    }

    public record Triangle(double base, double height) implements Shape {
        public double area() { return 0.5 * base * height; }
    }

    /**
     * {@code n} random shapes using the first {@code kinds} classes (1 to 4), shuffled.
     *
     * @throws IllegalArgumentException when {@code kinds} is not 1-4 or {@code n} is negative
     */
    public static Shape[] shapes(int n, int kinds, long seed) {
        if (kinds < 1 || kinds > 4) throw new IllegalArgumentException("kinds=" + kinds + " is not allowed: use 1, 2, 3 or 4 shape classes");
        if (n < 0) throw new IllegalArgumentException("n=" + n + " is not allowed: it must be 0 or more");
        Random rnd = new Random(seed);
        Shape[] out = new Shape[n];
        for (int i = 0; i < n; i++) {
            double a = rnd.nextDouble(), b = rnd.nextDouble();
            out[i] = switch (rnd.nextInt(kinds)) {
                case 0 -> new Square(a);
                case 1 -> new Circle(a);
                case 2 -> new Rectangle(a, b);
                default -> new Triangle(a, b);
            };
        }
        return out;
    }

    /** Right: feed this one only arrays of one class. Its call site stays monomorphic. */
    public static double sumOneType(Shape[] shapes) {
        double sum = 0;
        for (Shape s : shapes) sum += s.area();
        return sum;
    }

    /** Still fine: feed this one two classes. C2 inlines both behind a type check. */
    public static double sumTwoTypes(Shape[] shapes) {
        double sum = 0;
        for (Shape s : shapes) sum += s.area();
        return sum;
    }

    /** Wrong: feed this one four classes. Megamorphic: one virtual, non-inlined call per element. */
    public static double sumFourTypes(Shape[] shapes) {
        double sum = 0;
        for (Shape s : shapes) sum += s.area();
        return sum;
    }

    /**
     * The JIT's own account of the three call sites: runs them in a fresh JVM with C2 only and one
     * compiler thread (so its inlining reports come out in order) and returns the parsed C2
     * compilations of {@code sumOneType}, {@code sumTwoTypes} and {@code sumFourTypes} with their
     * inlining decisions. The call to {@code area()} is inlined in the first two, not in the third.
     *
     * <pre>{@code
     * Table t = CompilationLog.inliningTable(MegamorphicCalls.inliningReport(20_000, Duration.ofSeconds(60)));
     * }</pre>
     */
    public static List<CompilationEvent> inliningReport(int n, Duration timeout) {
        List<String> flags = List.of("-XX:-TieredCompilation", "-XX:CICompilerCount=1", "-XX:+PrintCompilation",
                "-XX:+UnlockDiagnosticVMOptions", "-XX:CompileCommand=quiet",
                "-XX:CompileCommand=PrintInlining,optpar.jit.MegamorphicCalls::sum*");
        ChildJvm.Result r = ChildJvm.run(flags, TimedKernel.class.getName(), timeout, "shapes", "" + n, "12");
        List<CompilationEvent> events = CompilationLog.parse(r.stdout(), "MegamorphicCalls::sum");
        return CompilationLog.forMethod(events, "MegamorphicCalls::sum").stream()
                .filter(e -> !e.madeNotEntrant() && !e.inlining().isEmpty()).toList();
    }

    /**
     * Right, for mixed data: sort the shapes by class once, then run one loop per class. Each loop's
     * element type is a final class, so every call is resolved at compile time and inlined.
     * (Adding in a different order gives a slightly different rounding of the total.)
     */
    public record ByType(Square[] squares, Circle[] circles, Rectangle[] rectangles, Triangle[] triangles) {
        /** Splits a mixed array by class (done once, outside the hot loop). */
        public static ByType of(Shape[] shapes) {
            List<Square> sq = new ArrayList<>();
            List<Circle> ci = new ArrayList<>();
            List<Rectangle> re = new ArrayList<>();
            List<Triangle> tr = new ArrayList<>();
            for (Shape s : shapes) {
                switch (s) {
                    case Square q -> sq.add(q);
                    case Circle c -> ci.add(c);
                    case Rectangle r -> re.add(r);
                    case Triangle t -> tr.add(t);
                }
            }
            return new ByType(sq.toArray(Square[]::new), ci.toArray(Circle[]::new),
                    re.toArray(Rectangle[]::new), tr.toArray(Triangle[]::new));
        }

        /** The total area, one monomorphic loop per class. */
        public double sum() {
            double sum = 0;
            for (Square s : squares) sum += s.area();
            for (Circle c : circles) sum += c.area();
            for (Rectangle r : rectangles) sum += r.area();
            for (Triangle t : triangles) sum += t.area();
            return sum;
        }
    }
}
