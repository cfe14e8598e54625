package optpar.exercises;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.function.BiFunction;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * A learner's function against the course's reference on fresh random inputs.
 *
 * <p>The inputs are drawn from a seed that is printed (set {@code -Doptpar.exercises.seed=S}, or call
 * {@link #seed(long)}, to repeat a run), then tried from the smallest to the largest: the first
 * mismatch is therefore the smallest input tried where the two differ, and the message shows it with
 * the expected and the actual value.
 *
 * <pre>{@code
 * Outcome o = Trials.<int[], Long>of("C(n, k)")
 *         .inputs(40, (random, i) -> new int[] {n, k})      // i = 0, 1, ...: grow the size with i
 *         .size(in -> in[0])
 *         .describe(in -> "n=" + in[0] + ", k=" + in[1])
 *         .reference(in -> exactBinomial(in[0], in[1]))
 *         .run("your binomial", in -> learner.binomial(in[0], in[1]));
 * }</pre>
 */
public final class Trials<I, O> {
    private static Long nextSeed;

    /** The function under test, which may throw anything. */
    @FunctionalInterface
    public interface Learner<I, O> {
        O apply(I input) throws Throwable;
    }

    private final String what;
    private long seed;
    private int count = 30;
    private BiFunction<Random, Integer, I> generator;
    private ToLongFunction<I> size = in -> 0;
    private Function<I, String> describe = String::valueOf;
    private Function<I, O> reference;
    private BiPredicate<O, O> same = Objects::deepEquals;
    private Function<O, String> show = Trials::show;
    private Duration bound = Bounded.defaultBound();
    private final List<I> fixed = new ArrayList<>();

    private Trials(String what) {
        this.what = what;
        this.seed = takeSeed();
    }

    /** Starts a comparison; {@code what} names the function in messages ("the sum of squares"). */
    public static <I, O> Trials<I, O> of(String what) {
        return new Trials<>(what);
    }

    /** The seed of the next check's inputs (once), to repeat a run whose seed was printed. */
    public static void seed(long seed) {
        nextSeed = seed;
    }

    private static long takeSeed() {
        if (nextSeed != null) {
            long s = nextSeed;
            nextSeed = null;
            return s;
        }
        String p = System.getProperty("optpar.exercises.seed");
        if (p != null && !p.isBlank()) return Long.parseLong(p.strip());
        return new Random().nextLong() & 0xFFFF_FFFFL;   // short enough to retype
    }

    /** {@code count} inputs from {@code generator(random, i)} for i = 0 .. count-1. */
    public Trials<I, O> inputs(int count, BiFunction<Random, Integer, I> generator) {
        this.count = count;
        this.generator = generator;
        return this;
    }

    /** Inputs always tried besides the random ones (edge cases). */
    @SafeVarargs
    public final Trials<I, O> plus(I... edgeCases) {
        fixed.addAll(Arrays.asList(edgeCases));
        return this;
    }

    /** How big an input is: inputs are tried from the smallest. */
    public Trials<I, O> size(ToLongFunction<I> size) { this.size = size; return this; }

    /** How to print an input in a message. */
    public Trials<I, O> describe(Function<I, String> describe) { this.describe = describe; return this; }

    /** The course's answer. */
    public Trials<I, O> reference(Function<I, O> reference) { this.reference = reference; return this; }

    /** When two answers count as the same (default: equal, arrays element by element, bit for bit). */
    public Trials<I, O> same(BiPredicate<O, O> same) { this.same = same; return this; }

    /** How to print an answer in a message. */
    public Trials<I, O> show(Function<O, String> show) { this.show = show; return this; }

    /** The time bound of one call of the learner's code. */
    public Trials<I, O> bound(Duration bound) { this.bound = bound; return this; }

    /** The seed of this comparison's inputs. */
    public long seed() { return seed; }

    /** Tries the learner's function on every input, smallest first. */
    public Outcome run(String learnerName, Learner<I, O> learner) {
        if (learner == null) return Outcome.notSolved(learnerName + " is null: pass your function, e.g. (a, b) -> mine(a, b)");
        Random random = new Random(seed);
        List<I> all = new ArrayList<>(fixed);
        for (int i = 0; i < count; i++) all.add(generator.apply(random, i));
        all.sort(Comparator.comparingLong(size));
        for (I input : all) {
            O expected = reference.apply(input);
            Bounded.Attempt<O> got = Bounded.call(learnerName, bound, () -> learner.apply(input));
            if (got.failed()) {
                Outcome f = got.failure();
                return new Outcome(f.status(), f.message() + " on " + describe.apply(input) + " (seed " + seed + ")");
            }
            if (!same.test(expected, got.value())) {
                return Outcome.wrong(what + ": on the smallest input tried where they differ, " + describe.apply(input)
                        + ", expected " + show.apply(expected) + " but got " + show.apply(got.value()) + differenceAt(expected, got.value())
                        + " (seed " + seed + ")");
            }
        }
        return Outcome.solved(what + ": same as the reference on " + all.size() + " random inputs (seed " + seed + ")");
    }

    /** Arrays, shortened to what fits on a line. */
    public static String show(Object o) {
        return optpar.measure.Check.shorten(o, 60);
    }

    private static String differenceAt(Object e, Object a) {
        int n = -1;
        String pair = "";
        if (e instanceof int[] x && a instanceof int[] y && x.length == y.length) {
            for (int i = 0; i < x.length && n < 0; i++) if (x[i] != y[i]) { n = i; pair = x[i] + " vs " + y[i]; }
        } else if (e instanceof double[] x && a instanceof double[] y && x.length == y.length) {
            for (int i = 0; i < x.length && n < 0; i++) {
                if (Double.doubleToLongBits(x[i]) != Double.doubleToLongBits(y[i])) { n = i; pair = x[i] + " vs " + y[i]; }
            }
        } else if (e instanceof long[] x && a instanceof long[] y && x.length == y.length) {
            for (int i = 0; i < x.length && n < 0; i++) if (x[i] != y[i]) { n = i; pair = x[i] + " vs " + y[i]; }
        } else if (e != null && a != null && e.getClass().isArray() && a.getClass().isArray()) {
            return " (lengths " + java.lang.reflect.Array.getLength(e) + " and " + java.lang.reflect.Array.getLength(a) + ")";
        }
        return n < 0 ? "" : " (first difference at index " + n + ": " + pair + ")";
    }
}
