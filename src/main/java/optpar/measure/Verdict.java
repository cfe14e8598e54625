package optpar.measure;

/**
 * What {@link Claim#expect} found: the claim, the measured value as printed, and whether it held.
 *
 * @param claim    the expectation as the prose states it
 * @param measured the measurement as printed ("3.1x slower")
 * @param value    the number judged, NaN for a claim that is not one number
 * @param outcome  held, not here, or too small to show in quick mode
 * @param whyNot   why it may not hold on some machines
 */
public record Verdict(String claim, String measured, double value, Outcome outcome, String whyNot) {

    /** The three ways a claim can come out. */
    public enum Outcome {
        HELD("held"), NOT_HERE("not here"), TOO_SMALL_IN_QUICK_MODE("quick mode");

        final String label;

        Outcome(String label) {
            this.label = label;
        }

        /** "held", "not here", "quick mode". */
        public String label() {
            return label;
        }
    }

    /** True when the expectation held on this machine. */
    public boolean held() {
        return outcome == Outcome.HELD;
    }

    /** The line printed under the measurement. */
    public String line() {
        return switch (outcome) {
            case HELD -> "held: " + claim + " (" + measured + ")";
            case NOT_HERE -> "not here: " + claim + " (" + measured + ")" + (whyNot.isBlank() ? "" : "; " + whyNot);
            case TOO_SMALL_IN_QUICK_MODE -> "quick mode: too small to show that " + claim + " (" + measured
                    + "); run at full size to see it";
        };
    }

    @Override
    public String toString() {
        return line();
    }
}
