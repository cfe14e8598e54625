package optpar.exercises;

import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * One exercise of a lesson: its checks, its hints, its solution.
 *
 * <p>Each lesson has a class ({@code Ex02}) with one field per exercise ({@code Ex02.two}). Every
 * exercise offers:
 * <ul>
 *   <li>{@code check(...)}: judges your answer and prints one line. Solved, it is recorded in your
 *       progress ({@code Course.progress()}); not yet, it prints "not solved yet", why, and a hint.
 *       It never fails the cell.</li>
 *   <li>{@code mustPass(...)}: the same check for the solutions notebooks: it throws when the answer
 *       is not right, so a solution that stops working fails the notebook tests. It records nothing.</li>
 *   <li>{@code judge(...)}: the same check, returning the {@link Outcome} without printing.</li>
 *   <li>{@link #hint()}: the next hint; {@link #solution()}: the solution's code, read from the
 *       solutions notebook.</li>
 * </ul>
 *
 * <pre>{@code
 * Ex02.two.check((n, k) -> binomialMemo(n, k, new HashMap<>()), plainCalls, memoCalls);
 * // not solved yet: 02.2 two arguments: your binomial returned null on n=0, k=0 (seed 1234)
 * //   hint 1 of 3: ... (Ex02.two.hint() for the next one, Ex02.two.solution() for the answer)
 * }</pre>
 */
public abstract class Exercise {
    private final String lesson;
    private final int number;
    private final String title;
    private final List<String> hints;
    private int nextHint;

    protected Exercise(String lesson, int number, String title, String... hints) {
        this.lesson = lesson;
        this.number = number;
        this.title = title;
        this.hints = List.of(hints);
    }

    /** "02.2": lesson and number. */
    public String id() { return lesson + "." + number; }

    /** The lesson's number, "02". */
    public String lesson() { return lesson; }

    /** The exercise's number in its lesson. */
    public int number() { return number; }

    /** The exercise's short title, as in the notebook. */
    public String title() { return title; }

    /** All hints, in order. */
    public List<String> hints() { return hints; }

    /** Prints the next hint (after the last one, the first again). */
    public void hint() {
        if (hints.isEmpty()) {
            System.out.println("no hints for " + id() + "; " + fieldName() + ".solution() prints the solution");
            return;
        }
        int k = nextHint % hints.size();
        nextHint = k + 1;
        System.out.println(String.format(Locale.ROOT, "hint %d of %d for %s: %s", k + 1, hints.size(), id(), hints.get(k)));
    }

    /** Prints the solution's code, read from the solutions notebook (never a copy kept here). */
    public void solution() {
        System.out.println(SolutionSource.solution(lesson, number));
    }

    /** How a learner names this exercise: "Ex02.two". */
    public String fieldName() {
        String[] words = {"zero", "one", "two", "three", "four", "five"};
        return "Ex" + lesson + "." + (number < words.length ? words[number] : "ex" + number);
    }

    /** Runs a judgement and catches what the checker itself might throw: one line, always. */
    protected static Outcome safely(Supplier<Outcome> judgement) {
        try {
            Outcome o = judgement.get();
            return o == null ? Outcome.notSolved("no answer") : o;
        } catch (IllegalArgumentException e) {
            return Outcome.wrong(e.getMessage());
        } catch (RuntimeException | Error e) {
            return new Outcome(Outcome.Status.THREW, "the check could not run: " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /** What {@code check(...)} does: print the verdict (and a hint when not solved); record a solved one. */
    protected final Outcome report(Supplier<Outcome> judgement) {
        Outcome o = safely(judgement);
        if (o.solved()) {
            System.out.println("solved " + id() + " (" + title + "): " + o.message());
            ExerciseProgress.recordSolved(this);
        } else {
            System.out.println("not solved yet: " + id() + " (" + title + "): " + o.message());
            if (!hints.isEmpty()) {
                System.out.println("  hint: " + hints.get(0) + "  (" + fieldName() + ".hint() for "
                        + (hints.size() > 1 ? "more" : "it again") + ", " + fieldName() + ".solution() for the answer)");
            }
        }
        return o;
    }

    /** What {@code mustPass(...)} does: print the verdict, throw unless solved (or undecided for noise). */
    protected final Outcome require(Supplier<Outcome> judgement) {
        Outcome o = safely(judgement);
        switch (o.status()) {
            case SOLVED -> System.out.println("solution passes " + id() + " (" + title + "): " + o.message());
            case UNDECIDED -> System.out.println("solution of " + id() + " is right; its speed: " + o.message());
            default -> throw new IllegalStateException("the solution of " + id() + " (" + title + ") fails its check: " + o.message());
        }
        return o;
    }

    /** A concept answer: a number within a tolerance of the expected one, with the reason. */
    protected static Outcome close(String what, double answer, double expected, double tolerance, String explanation) {
        if (Double.isNaN(answer)) return Outcome.notSolved(what + ": your answer is NaN");
        if (Math.abs(answer - expected) <= tolerance) {
            return Outcome.solved(String.format(Locale.ROOT, "%s = %.4g, expected %.4g within %.2g. %s", what, answer, expected, tolerance, explanation));
        }
        return Outcome.wrong(String.format(Locale.ROOT, "%s: expected %.4g within %.2g but got %.4g", what, expected, tolerance, answer));
    }

    @Override
    public String toString() {
        return fieldName() + " (" + id() + " " + title + ")";
    }
}
