package optpar.exercises;

/**
 * The verdict of one check: solved or not, and one line saying why.
 *
 * <pre>{@code
 * Outcome o = Ex02.two.judge((n, k) -> 1, 0, 0);
 * o.solved();    // false
 * o.status();    // WRONG
 * o.message();   // "C(n, k): on the smallest input tried where they differ, n=1, k=0 ..."
 * }</pre>
 *
 * @param status  what happened
 * @param message one line for the learner (never a stack trace)
 */
public record Outcome(Status status, String message) {

    /** What a check found. */
    public enum Status {
        /** Right (and fast enough, where the exercise is about speed). */
        SOLVED,
        /** No answer yet: the starter's placeholder, {@code null}, or a TODO exception. */
        NOT_SOLVED,
        /** An answer that differs from the course's reference. */
        WRONG,
        /** The learner's code threw. */
        THREW,
        /** The learner's code did not finish within its time bound. */
        TIMED_OUT,
        /** Right, but the speed target was not met. */
        TOO_SLOW,
        /** The measurement was too noisy to say whether the speed target was met. */
        UNDECIDED
    }

    public Outcome {
        if (status == null) throw new IllegalArgumentException("an outcome needs a status");
        message = message == null ? "" : message.replace('\n', ' ').strip();
    }

    public static Outcome solved(String message) { return new Outcome(Status.SOLVED, message); }

    public static Outcome notSolved(String message) { return new Outcome(Status.NOT_SOLVED, message); }

    public static Outcome wrong(String message) { return new Outcome(Status.WRONG, message); }

    /** True only for {@link Status#SOLVED}. */
    public boolean solved() { return status == Status.SOLVED; }

    /** A solved outcome with more said after it; any other outcome unchanged. */
    public Outcome and(String more) {
        return solved() && more != null && !more.isBlank() ? new Outcome(status, message + "; " + more) : this;
    }

    @Override
    public String toString() {
        return status + ": " + message;
    }
}
